import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AdminAccount, RunState } from './run';

/** Debian's Chromium (`apt-get install -y chromium`), driven by playwright-core: no browser download. */
export function launchChromium(): Promise<Browser> {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      ...(root ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The viewer's zone: not Geneva's, so a date shown "in the viewer's zone" differs from the Geneva one. */
export const VIEWER_TIMEZONE = 'America/New_York';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/**
 * One admin user's browser session (a context of its own), logged in through the login page the
 * first time a scenario needs it and kept for the next scenarios: the admin's login route allows
 * five attempts per address in five minutes.
 */
export class Sessions {
  private readonly contexts = new Map<string, BrowserContext>();

  constructor(
    private readonly browser: Browser,
    private readonly state: RunState,
  ) {}

  async pageFor(user: AdminAccount, screens: Screens, who: string): Promise<Page> {
    const existing = this.contexts.get(user.email);
    const context =
      existing ??
      (await this.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: VIEWER_TIMEZONE }));
    const page = await context.newPage();
    screens.watch(page, who);
    if (!existing) {
      try {
        await this.logIn(page, user, screens, who);
      } catch (error) {
        await context.close();
        throw error;
      }
      this.contexts.set(user.email, context);
    }
    return page;
  }

  private async logIn(page: Page, user: AdminAccount, screens: Screens, who: string) {
    await page.goto(`${this.state.baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('input[name="password"]').fill(user.password);
    await screens.shot(page, `${who}-login`);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await dismissTours(page);
    await screens.shot(page, `${who}-home`);
  }

  async close() {
    for (const context of this.contexts.values()) await context.close();
    this.contexts.clear();
  }
}

/** Strapi's guided tour and "what's new" dialogs, when a first login shows them. */
async function dismissTours(page: Page) {
  for (const name of [/^skip/i, /^passer/i, /^close$/i, /^fermer$/i]) {
    const button = page.getByRole('dialog').getByRole('button', { name });
    if (await button.count())
      await button
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
  }
}

/**
 * The screens of one scenario: numbered screenshots under artifacts/browser/<scenario>/, the
 * console of every page it opened (with page errors and failed API answers) in console.log there;
 * on failure, a last screenshot of each page and the error.
 */
export class Screens {
  readonly dir: string;
  private count = 0;
  private readonly lines: string[] = [];
  private readonly pages: { page: Page; who: string }[] = [];

  constructor(artifacts: string, title: string) {
    this.dir = path.join(artifacts, slug(title));
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  private note(who: string, line: string) {
    this.lines.push(`${new Date().toISOString()} [${who}] ${line}`);
  }

  watch(page: Page, who: string) {
    this.pages.push({ page, who });
    page.on('console', (message) => this.note(who, `console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => this.note(who, `page error: ${error.stack ?? error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.note(who, `HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.note(who, `at ${frame.url()}`);
    });
  }

  async shot(page: Page, name: string) {
    this.count += 1;
    const file = path.join(this.dir, `${String(this.count).padStart(2, '0')}-${slug(name)}.png`);
    // Transitions finished at once: a dialog is shot as it stands, not fading in.
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    this.note('screens', `${path.basename(file)} of ${page.url()}`);
  }

  async failed(error: unknown) {
    this.note('test', `FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const { page, who } of this.pages) {
      if (page.isClosed()) continue;
      await page
        .screenshot({ path: path.join(this.dir, `failure-${slug(who)}.png`), fullPage: true })
        .catch((problem) => this.note(who, `no failure screenshot: ${problem}`));
    }
  }

  async close() {
    fs.writeFileSync(path.join(this.dir, 'console.log'), `${this.lines.join('\n')}\n`);
    for (const { page } of this.pages) if (!page.isClosed()) await page.close();
  }
}

/**
 * Waits until the element's text matches (a string it contains, or a pattern); fails with the text it
 * had. The text is the DOM's (textContent), not as CSS shows it: Strapi's badges are upper-cased by CSS.
 */
export async function waitForText(locator: Locator, expected: string | RegExp, timeout = 20_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  for (;;) {
    text = (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '') : '';
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${locator} to show ${String(expected)}; it shows: ${JSON.stringify(text)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
