// Boots the compiled app once in a child process (so NODE_ENV and secrets can differ from the
// test runner's), prints what the environment tests check, and shuts down.
// With BOOT_CHECK_JWT=<secret>, it also asks GET /api/users/me with a users-permissions JWT signed
// with that secret (as anyone who read the README could sign one) and with one the app issued.
const crypto = require('crypto');
const path = require('path');
const supertest = require('supertest');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '../..');

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
function signHs256(payload, secret) {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ ...payload, iat: Math.floor(Date.now() / 1000) })}`;
  return `${unsigned}.${crypto.createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

async function jwtStatuses(strapi, secret) {
  strapi.server.mount();
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await strapi.db.query('plugin::users-permissions.user').create({
    data: {
      username: `jwt-check-${Date.now()}`,
      email: `jwt-check-${Date.now()}@wsis.test`,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    },
  });
  const status = async (token) =>
    (await supertest(strapi.server.httpServer).get('/api/users/me').set('Authorization', `Bearer ${token}`)).status;
  return {
    forged: await status(signHs256({ id: user.id }, secret)),
    issued: await status(strapi.plugin('users-permissions').service('jwt').issue({ id: user.id })),
  };
}

(async () => {
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  const admins = await strapi.db.query('admin::user').findMany({ select: ['email'] });
  const events = await strapi.db.query('api::event.event').count();
  // BOOT_ONCE_MAIL_TO: send a message through the email plugin and report where the mailbox kept it.
  let mail;
  if (process.env.BOOT_ONCE_MAIL_TO) {
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: process.env.BOOT_ONCE_MAIL_TO, subject: 'Boot check', text: 'Kept, not sent.' });
    await strapi.plugin('accounts').service('outbox').deliverDue();
    mail = strapi
      .plugin('accounts')
      .service('mailbox')
      .messages()
      .map(({ file, envelope }) => ({ file, to: envelope.to }));
  }
  const jwt = process.env.BOOT_CHECK_JWT ? await jwtStatuses(strapi, process.env.BOOT_CHECK_JWT) : undefined;
  console.log(`RESULT ${JSON.stringify({ admins: admins.map((admin) => admin.email), events, mail, ...(jwt ? { jwt } : {}) })}`);
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(`BOOT FAILED: ${error.message}`);
  process.exit(1);
});
