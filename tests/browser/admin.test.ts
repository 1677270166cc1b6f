import { randomBytes } from 'crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, Screens, Sessions, waitForText } from './support/browser';
import { client, contentManager, eventually, runState } from './support/run';

// The admin of issue 11 in a real browser: the built app (`strapi start`, started by globalSetup on
// a fresh database with the demo seed) and Debian's Chromium. Texts and data-testids come from the
// contract with the admin UI (/work/coord/ADMIN-UI-CONTRACT.md) and from Strapi's own admin.
// The scenarios run in order in one browser; each admin user logs in once, in the first scenario
// that needs them. The viewer's zone is America/New_York, so Geneva time and the viewer's differ.

const state = runState();
const CALLS = 'api::stocktaking-call.stocktaking-call';
const ENTRIES = 'api::stocktaking-entry.stocktaking-entry';
const EVENTS = 'api::event.event';
const SEEDED_CALL = 'WSIS Stocktaking: Call for Update and New Entries, 2011-2012';

const anonymous = client(state.baseUrl);
const superAdmin = client(state.baseUrl, state.superAdmin.token);
const editorApi = client(state.baseUrl, state.editor.token);
const translatorApi = client(state.baseUrl, state.translator.token);
const stakeholderApi = client(state.baseUrl, state.stakeholder.jwt);

let browser: Browser;
let sessions: Sessions;

beforeAll(async () => {
  browser = await launchChromium();
  sessions = new Sessions(browser, state);
});
afterAll(async () => {
  await sessions?.close();
  await browser?.close();
});

/** One scenario: its screens and console under artifacts/browser/<title>/, kept on failure with a last screenshot. */
function scenario(title: string, body: (screens: Screens) => Promise<void>, timeout = 180_000) {
  it(
    title,
    async () => {
      const screens = new Screens(state.artifacts, title);
      try {
        await body(screens);
      } catch (error) {
        await screens.failed(error);
        throw error;
      } finally {
        await screens.close();
      }
    },
    timeout,
  );
}

const admin = (path: string) => `${state.baseUrl}/admin${path}`;
const editView = (uid: string, documentId: string, locale: string) =>
  admin(`/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`);

/**
 * A document action of the edit view (contract: Accept, Request changes, Reject): a button of the
 * header, or an item of Strapi's "More document actions" menu when the header has no room for it.
 */
async function documentAction(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  const menu = page.getByRole('button', { name: 'More document actions', exact: true });
  await button.or(menu).first().waitFor({ state: 'visible', timeout: 20_000 });
  if (await button.first().isVisible()) return button.first().click();
  await menu.first().click();
  await page.getByRole('menuitem', { name }).click();
}

/** The published documentId of a seeded call, by edition, from the public API. */
async function seededCallId(edition: string) {
  const found = await anonymous.get(`/api/stocktaking-calls?filters[edition][$eq]=${edition}`, 200);
  return found.body.data[0].documentId as string;
}

describe('the admin in a browser', () => {
  scenario('(a) an editor sees the deadlines widget with the WSIS+10 contributions deadline in Geneva time', async (screens) => {
    const page = await sessions.pageFor(state.editor, screens, 'editor');
    await page.goto(admin(''));
    const widget = page.getByTestId('deadlines-widget');
    await widget.waitFor({ state: 'visible', timeout: 30_000 });
    await screens.shot(page, 'homepage-deadlines-widget');

    // The seed's windows closed in 2011-2012: they show with "Show closed" only.
    await widget.getByLabel('Show closed').click();
    const row = widget.getByTestId('deadline-row').filter({ hasText: 'Formal Contributions' });
    await row.first().waitFor({ state: 'visible', timeout: 20_000 });
    await row.first().scrollIntoViewIfNeeded();
    await screens.shot(page, 'deadlines-widget-show-closed');
    // The DOM's text: the state badge is upper-cased by CSS only.
    const text = (await row.first().textContent()) ?? '';
    expect(text).toContain('Phase Three: Submission of Formal Contributions');
    expect(text).toContain('closed');
    // Extended from 1 to 5 September 2011, 23:59 Geneva time; 17:59 in New York.
    expect(text).toContain('5 September 2011, 23:59 (Europe/Zurich)');
    expect(text).toContain('Originally 1 September 2011, 23:59 (Europe/Zurich)');
    expect(text).toContain('5 September 2011, 17:59');
    expect(await row.first().getByTestId('countdown').count()).toBe(1);
  });

  scenario('(b) an editor opens the 2011-2012 stocktaking call and sees its window closed, in Geneva time', async (screens) => {
    const page = await sessions.pageFor(state.editor, screens, 'editor');
    await page.goto(admin(`/content-manager/collection-types/${CALLS}`));
    const listed = page.getByText(SEEDED_CALL, { exact: true });
    await listed.first().waitFor({ state: 'visible', timeout: 30_000 });
    await screens.shot(page, 'calls-list');
    await listed.first().click();
    await page.waitForURL(/\/content-manager\/collection-types\/api::stocktaking-call\.stocktaking-call\/[a-z0-9]+/);

    const panel = page.getByTestId('window-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    await waitForText(panel.getByTestId('window-state'), /^\s*closed\s*$/);
    await panel.scrollIntoViewIfNeeded();
    await screens.shot(page, 'call-edit-view-window-panel');
    const text = (await panel.textContent()) ?? '';
    // Opens 1 July 2011, 00:00 and closes 15 January 2012, 23:59, Geneva time; 15 January 2012, 17:59 in New York.
    expect(text).toContain('1 July 2011, 00:00 (Europe/Zurich)');
    expect(text).toContain('15 January 2012, 23:59 (Europe/Zurich)');
    expect(text).toContain('15 January 2012, 17:59');
  });

  scenario('(c) a stakeholder submission is sent back with a reason, edited, then accepted and public', async (screens) => {
    // An open call, made as the super admin through the content manager's API and published (its
    // official call in the six languages, as publication requires).
    const tag = randomBytes(3).toString('hex');
    const shared = {
      edition: '2039-2040',
      timezone: 'Europe/Zurich',
      opensAt: '2020-01-01T00:00:00.000Z',
      closesAt: '2040-01-15T22:59:59.000Z',
    };
    const officialCalls: Record<string, string> = {
      en: 'All WSIS stakeholders are invited to submit their activities.',
      fr: 'Toutes les parties prenantes du SMSI sont invitées à soumettre leurs activités.',
      es: 'Se invita a todas las partes interesadas de la CMSI a presentar sus actividades.',
      ar: 'جميع أصحاب المصلحة في القمة مدعوون إلى تقديم أنشطتهم.',
      zh: '邀请信息社会世界峰会所有利益攸关方提交其活动。',
      ru: 'Всем заинтересованным сторонам ВВУИО предлагается представить свою деятельность.',
    };
    const created = await superAdmin.post(
      `${contentManager(CALLS)}?locale=en`,
      { title: `Browser test call ${tag}`, officialCall: officialCalls.en, ...shared },
      [200, 201],
    );
    const callId = created.body.data.documentId as string;
    for (const locale of ['fr', 'es', 'ar', 'zh', 'ru']) {
      await superAdmin.put(
        `${contentManager(CALLS, callId)}?locale=${locale}`,
        { title: `Browser test call ${tag} (${locale})`, officialCall: officialCalls[locale], ...shared },
        200,
      );
    }
    await superAdmin.post(`${contentManager(CALLS, callId, 'actions', 'publish')}?locale=en`, {}, [200, 201]);

    // The stakeholder submits through REST with their JWT.
    const actionLine = (await anonymous.get('/api/action-lines?filters[code][$eq]=C2&locale=en', 200)).body.data[0].documentId;
    const title = `Post office telecentres ${tag}`;
    const submitted = await stakeholderApi.post(
      '/api/stocktaking-entries',
      { data: { title, shortDescription: 'Community access in rural post offices.', call: callId, actionLines: [actionLine] } },
      201,
    );
    const entryId = submitted.body.data.documentId as string;
    const mine = async () =>
      ((await stakeholderApi.get('/api/stocktaking-entries/mine', 200)).body.data as any[]).find((item) => item.documentId === entryId);
    expect((await mine()).reviewState).toBe('submitted');
    await anonymous.get(`/api/stocktaking-entries/${entryId}`, 404);

    // The editor finds it on the Moderation page and asks for changes, with a reason.
    const page = await sessions.pageFor(state.editor, screens, 'editor');
    await page.goto(admin('/plugins/submissions'));
    await page.getByRole('heading', { name: 'Moderation' }).waitFor({ state: 'visible', timeout: 30_000 });
    const row = page.getByTestId('review-row').filter({ hasText: title });
    await row.first().waitFor({ state: 'visible', timeout: 20_000 });
    await row.first().scrollIntoViewIfNeeded();
    await screens.shot(page, 'moderation-page');
    await row.first().locator('a').first().click();
    await page.waitForURL(new RegExp(`/content-manager/collection-types/${ENTRIES.replace(/\./g, '\\.')}/${entryId}`));
    await screens.shot(page, 'entry-edit-view');

    const reason = 'Please name the implementing partners.';
    await documentAction(page, 'Request changes');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await screens.shot(page, 'request-changes-dialog');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const sentBack = await eventually(async () => {
      const item = await mine();
      return item?.reviewState === 'changes_requested' ? item : null;
    }, 'the review state changes_requested on /mine');
    await screens.shot(page, 'changes-requested');
    expect(sentBack.reviewReason).toBe(reason);

    // The stakeholder reads the reason through /mine (above) and edits: submitted again.
    await stakeholderApi.put(
      `/api/stocktaking-entries/${entryId}`,
      { data: { shortDescription: 'Community access in rural post offices, with the Universal Postal Union.' } },
      200,
    );
    expect(await mine()).toEqual(expect.objectContaining({ reviewState: 'submitted', reviewReason: null }));

    // The editor accepts: the entry is published, and public.
    await page.reload();
    await documentAction(page, 'Accept');
    const confirm = page.getByRole('dialog').getByRole('button', { name: 'Confirm' });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    const published = await eventually(async () => {
      const answer = await anonymous.get(`/api/stocktaking-entries/${entryId}`);
      return answer.status === 200 ? answer.body.data : null;
    }, `GET /api/stocktaking-entries/${entryId} answering 200`);
    await screens.shot(page, 'accepted');
    expect(published).toEqual(
      expect.objectContaining({
        title,
        reviewState: 'accepted',
        shortDescription: 'Community access in rural post offices, with the Universal Postal Union.',
      }),
    );
    expect((await mine()).reviewState).toBe('accepted');
  });

  scenario('(d) a French translator works in French from their queue and is refused the Arabic version', async (screens) => {
    // An event in English, French and Arabic, whose English title the editor then changes: the
    // French title is outdated.
    const tag = `BT-${randomBytes(3).toString('hex')}`;
    const shared = {
      startsAt: '2012-05-14T07:00:00.000Z',
      endsAt: '2012-05-18T16:00:00.000Z',
      timezone: 'Europe/Zurich',
      scope: 'international',
      organizer: 'ITU',
    };
    const created = await editorApi.post(
      `${contentManager(EVENTS)}?locale=en`,
      { title: `Browser test briefing ${tag}`, city: 'Geneva', ...shared },
      [200, 201],
    );
    const eventId = created.body.data.documentId as string;
    await editorApi.put(
      `${contentManager(EVENTS, eventId)}?locale=fr`,
      { title: `Séance d’information ${tag}`, city: 'Genève', ...shared },
      200,
    );
    const arabicTitle = `جلسة إحاطة ${tag}`;
    await editorApi.put(`${contentManager(EVENTS, eventId)}?locale=ar`, { title: arabicTitle, city: 'جنيف', ...shared }, 200);
    await editorApi.put(`${contentManager(EVENTS, eventId)}?locale=en`, { title: `Browser test briefing ${tag}, revised` }, 200);
    const queued = (await translatorApi.get('/translations/queue?locale=fr', 200)).body.data.items.find(
      (item: any) => item.documentId === eventId,
    );
    expect(queued).toEqual(expect.objectContaining({ status: 'outdated', fields: [{ field: 'title', status: 'outdated' }] }));

    // The translator logs in: the admin speaks French (Strapi's own "Bonjour {name}").
    const page = await sessions.pageFor(state.translator, screens, 'translator');
    await page.goto(admin(''));
    await page
      .getByText(/Bonjour/)
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await screens.shot(page, 'homepage-in-french');
    await waitForText(page.getByTestId('translation-queue-count'), /[1-9]\d*/);

    // Their queue lists the outdated event, naming the changed English field, and links to its French edit view.
    await page.goto(admin('/plugins/translations'));
    const row = page.getByTestId('translation-row').filter({ hasText: tag });
    await row.first().waitFor({ state: 'visible', timeout: 30_000 });
    await row.first().scrollIntoViewIfNeeded();
    await screens.shot(page, 'translation-queue');
    // The status word in the admin's language: "obsolète" in French ("outdated" in English).
    const rowText = (await row.first().textContent()) ?? '';
    expect(rowText).toMatch(/obsolète|outdated/i);
    expect(rowText).toMatch(/title/i);
    const link = row.first().locator(`a[href*="${eventId}"]`);
    expect(decodeURIComponent((await link.first().getAttribute('href')) ?? '')).toContain(
      `/admin/content-manager/collection-types/${EVENTS}/${eventId}?plugins[i18n][locale]=fr`,
    );
    await link.first().click();

    // The French title, edited and saved.
    const frenchTitle = `Séance d’information ${tag}, révisée`;
    const titleInput = page.locator('input[name="title"]');
    await waitForValue(titleInput, `Séance d’information ${tag}`);
    await titleInput.fill(frenchTitle);
    await screens.shot(page, 'french-edit-view');
    await page.getByRole('button', { name: /^(Enregistrer|Save)$/ }).click();
    await page
      .getByText(/Sauvegardé|Saved document/)
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    await screens.shot(page, 'french-saved');
    expect((await superAdmin.get(`${contentManager(EVENTS, eventId)}?locale=fr`, 200)).body.data.title).toBe(frenchTitle);

    // The Arabic version: refused, and nothing saved.
    const arabicBefore = (await superAdmin.get(`${contentManager(EVENTS, eventId)}?locale=ar`, 200)).body.data;
    await page.goto(editView(EVENTS, eventId, 'ar'));
    const arabicInput = page.locator('input[name="title"]');
    await waitForValue(arabicInput, arabicTitle);
    await screens.shot(page, 'arabic-edit-view');
    if (await arabicInput.isEditable()) {
      await arabicInput.fill(`${arabicTitle} (تعديل)`);
      await page.getByRole('button', { name: /^(Enregistrer|Save)$/ }).click();
      await page
        .getByText(/erreur|error|interdit|forbidden|not allowed|non autoris|LOCALE_NOT_ALLOWED/i)
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      await screens.shot(page, 'arabic-refused-error');
    } else {
      // Strapi's edit view itself refuses: every field read-only, no enabled save button.
      const save = page.getByRole('button', { name: /^(Enregistrer|Save)$/ });
      expect((await save.count()) === 0 || (await save.first().isDisabled())).toBe(true);
      await screens.shot(page, 'arabic-read-only');
    }
    // The server refuses it too, whatever the form allows: the translator's own PUT of the Arabic version.
    const forced = await translatorApi.put(`${contentManager(EVENTS, eventId)}?locale=ar`, { title: `${arabicTitle} (API)` });
    expect(forced.status).toBe(403);
    const arabicAfter = (await superAdmin.get(`${contentManager(EVENTS, eventId)}?locale=ar`, 200)).body.data;
    expect(arabicAfter.title).toBe(arabicTitle);
    expect(arabicAfter.updatedAt).toBe(arabicBefore.updatedAt);
  });

  scenario('(e) the Arabic edit view writes localized fields right to left', async (screens) => {
    const callId = await seededCallId('2011-2012');
    const page = await sessions.pageFor(state.editor, screens, 'editor');
    await page.goto(editView(CALLS, callId, 'ar'));
    const title = page.locator('input[name="title"]');
    await title.waitFor({ state: 'visible', timeout: 30_000 });
    await screens.shot(page, 'call-edit-view-arabic');
    // The call's localized text fields: the title (an input) and the official call and questionnaire
    // guidance (Strapi's Markdown editor, CodeMirror 5, whose textarea has no name): each is right to
    // left by its own dir attribute or its nearest ancestor's, and as the browser lays out its text.
    const read = () =>
      page.evaluate(() => {
        const direction = (element: Element) => ({
          dir: element.closest('[dir]')?.getAttribute('dir') ?? null,
          direction: getComputedStyle(element).direction,
        });
        const title = document.querySelector('input[name="title"]');
        const editors = [...document.querySelectorAll('.CodeMirror')].map((editor) => {
          let root: Element | null = editor;
          while (root && !root.querySelector('label')) root = root.parentElement;
          // CodeMirror 5 styles itself left to right; its lines follow its own direction option.
          const line = editor.querySelector('pre.CodeMirror-line') ?? editor;
          return {
            label: root?.querySelector('label')?.textContent ?? null,
            dir: direction(editor).dir,
            direction: direction(line).direction,
          };
        });
        return { title: title && { ownDir: title.getAttribute('dir'), ...direction(title) }, editors };
      });
    // The direction is set once the edit view has its layout: wait for it, then check every field.
    let fields = await read();
    const deadline = Date.now() + 15_000;
    while (fields.title?.ownDir !== 'rtl' && Date.now() < deadline) {
      await page.waitForTimeout(250);
      fields = await read();
    }
    await screens.shot(page, 'call-edit-view-arabic-right-to-left');
    expect(fields.title).toEqual({ ownDir: 'rtl', dir: 'rtl', direction: 'rtl' });
    expect(fields.editors).toHaveLength(2);
    for (const editor of fields.editors) expect(editor).toEqual(expect.objectContaining({ dir: 'rtl', direction: 'rtl' }));
  });

  scenario(
    "(f) an editor submits an entry's answers on its submitter's behalf: refused while the licence is missing, then submitted",
    async (screens) => {
      // The demo call is open from the first boot; the stakeholder's draft answers part of its questionnaire.
      const call = (await anonymous.get('/api/stocktaking-calls/current', 200)).body.data[0].documentId as string;
      const actionLine = (await anonymous.get('/api/action-lines?filters[code][$eq]=C3&locale=en', 200)).body.data[0].documentId;
      const draft = await stakeholderApi.post(
        '/api/stocktaking-entries',
        {
          data: {
            title: `Paper questionnaire ${randomBytes(3).toString('hex')}`,
            shortDescription: 'Received by post at the WSIS Secretariat.',
            call,
            actionLines: [actionLine],
            answers: { audience: 'rural', open_source: true },
          },
        },
        201,
      );
      const entryId = draft.body.data.documentId as string;

      const page = await sessions.pageFor(state.editor, screens, 'editor');
      await page.goto(editView(ENTRIES, entryId, 'en'));
      await page.getByRole('heading', { name: /Paper questionnaire/ }).waitFor({ state: 'visible', timeout: 30_000 });
      await documentAction(page, 'Submit answers');
      await page
        .getByText(/questionnaire: licence/)
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      await screens.shot(page, 'submit-refused-licence-missing');

      await stakeholderApi.put(
        `/api/stocktaking-entries/${entryId}`,
        { data: { answers: { audience: 'rural', open_source: true, licence: 'GPL-3.0' } } },
        200,
      );
      await page.reload();
      await page.getByRole('heading', { name: /Paper questionnaire/ }).waitFor({ state: 'visible', timeout: 30_000 });
      await documentAction(page, 'Submit answers');
      await page.getByText('The answers are submitted.').first().waitFor({ state: 'visible', timeout: 20_000 });
      await screens.shot(page, 'submitted');
      const mine = (await stakeholderApi.get('/api/stocktaking-entries/mine', 200)).body.data as {
        documentId: string;
        submittedAt: string | null;
      }[];
      expect(mine.find((item) => item.documentId === entryId)?.submittedAt).toEqual(expect.any(String));
    },
  );
});

/** Waits until an input holds the value (the edit view fills its form after loading the document). */
async function waitForValue(input: ReturnType<Page['locator']>, value: string, timeout = 30_000) {
  await input.first().waitFor({ state: 'visible', timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    const current = await input.first().inputValue();
    if (current === value) return;
    if (Date.now() > deadline) throw new Error(`${input} holds ${JSON.stringify(current)}, not ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
