// Boots the compiled app once in a child process (so NODE_ENV and secrets can differ from the
// test runner's), prints what the environment tests check, and shuts down.
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '../..');

(async () => {
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  const admins = await strapi.db.query('admin::user').findMany({ select: ['email'] });
  const events = await strapi.db.query('api::event.event').count();
  // BOOT_ONCE_MAIL_TO: send a message through the email plugin and report where the mailbox kept it.
  let mail;
  if (process.env.BOOT_ONCE_MAIL_TO) {
    await strapi.plugin('email').service('email').send({ to: process.env.BOOT_ONCE_MAIL_TO, subject: 'Boot check', text: 'Kept, not sent.' });
    await strapi.plugin('accounts').service('outbox').deliverDue();
    mail = strapi.plugin('accounts').service('mailbox').messages().map(({ file, envelope }) => ({ file, to: envelope.to }));
  }
  console.log(`RESULT ${JSON.stringify({ admins: admins.map((admin) => admin.email), events, mail })}`);
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(`BOOT FAILED: ${error.message}`);
  process.exit(1);
});
