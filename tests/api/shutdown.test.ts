import { bootApp } from '../helpers/strapi';

// Strapi emits a document's entry events after the write commits, without awaiting them, and each
// reads the document again. A shutdown right after writes waits for those reads: the events go out,
// and no query is left waiting on a closed pool (it used to reject, unhandled, once the acquire
// timed out, failing whatever ran in the process then).

const PUBLICATIONS = 'api::publication.publication';
const ACQUIRE_TIMEOUT_MS = 1000;

it('shutting down right after writes lets their entry events read the documents first', async () => {
  process.env.DATABASE_CONNECTION_TIMEOUT = String(ACQUIRE_TIMEOUT_MS);
  const app = await bootApp().finally(() => delete process.env.DATABASE_CONNECTION_TIMEOUT);
  const emitted: string[] = [];
  app.strapi.eventHub.on('entry.create', (event: { entry: { title: string } }) => {
    emitted.push(event.entry.title);
  });
  const titles = Array.from({ length: 5 }, (_, index) => `Written just before shutdown ${index}`);
  for (const title of titles) await app.strapi.documents(PUBLICATIONS).create({ data: { title, publicationType: 'report' } });

  await app.stop();
  // Strapi's destroy removes every process listener: this one is added after it.
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onRejection);
  await new Promise((resolve) => setTimeout(resolve, ACQUIRE_TIMEOUT_MS + 500));
  process.off('unhandledRejection', onRejection);
  await app.destroy();

  expect(unhandled).toEqual([]);
  expect(emitted.sort()).toEqual(titles);
});
