// Stops the server the browser suite's globalSetup started, keeps its log under artifacts/browser/
// and removes its temporary folder (database, state).
const fs = require('fs');
const path = require('path');

module.exports = async () => {
  const run = globalThis.__wsisBrowser;
  if (!run) return;
  globalThis.__wsisBrowser = undefined;
  await run.stopServer(run.child);
  await run.mailbox.close();
  const artifacts = path.resolve(__dirname, '../../artifacts/browser');
  fs.mkdirSync(artifacts, { recursive: true });
  if (fs.existsSync(run.logFile)) fs.copyFileSync(run.logFile, path.join(artifacts, 'strapi.log'));
  fs.rmSync(run.tmpDir, { recursive: true, force: true });
};
