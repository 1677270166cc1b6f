import type { Browser } from 'playwright-core';
import { launchChromium, Screens, waitForText } from './support/browser';
import { runState } from './support/run';

// The API reference page (the openapi plugin's `referencePath`) in a real browser, on the built app
// of the browser suite: it renders the served OpenAPI document, each route with its error answers,
// under the app's own Content-Security-Policy and with nothing loaded from another origin.

const state = runState();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the API reference page', () => {
  it('renders the OpenAPI document: every type, a route with its parameters and error answers, all served by the app', async () => {
    const screens = new Screens(state.artifacts, 'API reference page renders the OpenAPI document');
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    screens.watch(page, 'developer');
    const origins = new Set<string>();
    const problems: string[] = [];
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    try {
      const response = await page.goto(`${state.baseUrl}/api-reference`);
      expect(response?.status()).toBe(200);
      // Swagger UI has fetched and rendered the document: one block per operation.
      await page.locator('.opblock').first().waitFor({ state: 'visible', timeout: 60_000 });
      for (const path of ['/forum-sessions', '/stocktaking-entries/mine', '/stocktaking-calls/current', '/events/calendar.ics']) {
        await page.locator(`.opblock-summary-path[data-path="${path}"]`).first().waitFor({ state: 'visible' });
      }
      await screens.shot(page, 'operations');

      // One route opened: its parameters, its 200 and its error answers in Strapi's envelope.
      const route = page.locator('.opblock-get').filter({ has: page.locator('.opblock-summary-path[data-path="/publications/{id}"]') });
      await route.locator('.opblock-summary').first().click();
      await waitForText(route.locator('.parameters'), 'fallbackLocale');
      const responses = route.locator('.responses-table');
      for (const status of ['200', '400', '403', '404']) {
        await responses.locator(`tr.response[data-code="${status}"]`).first().waitFor({ state: 'attached' });
      }
      // The refusals of the route with their details.code, as the plugins that answer them describe them.
      await waitForText(responses.locator('tr.response[data-code="400"]'), 'INVALID_FALLBACK');
      await waitForText(responses.locator('tr.response[data-code="400"]'), 'INVALID_QUERY');
      await waitForText(responses.locator('tr.response[data-code="403"]'), 'DRAFTS_NOT_VISIBLE');
      await screens.shot(page, 'publication-findone');

      expect([...origins]).toEqual([state.baseUrl]);
      expect(problems).toEqual([]);
    } catch (error) {
      await screens.failed(error);
      throw error;
    } finally {
      await screens.close();
      await context.close();
    }
  }, 180_000);
});
