import { readMailSettings } from '../mail';

const PRODUCTION_MAIL = {
  SMTP_HOST: 'smtp.example.org',
  EMAIL_FROM: 'WSIS <no-reply@example.org>',
  PUBLIC_URL: 'https://cms.example.org',
  FRONTEND_URL: 'https://example.org/',
};

describe('readMailSettings', () => {
  it.each(['development', 'test'])('in %s without SMTP_HOST: the local mailbox, the documented sender and localhost links', (NODE_ENV) => {
    const settings = readMailSettings({ NODE_ENV });
    expect(settings).toEqual({
      smtp: null,
      mailbox: { directory: NODE_ENV === 'development' ? '.tmp/mail' : null },
      from: 'WSIS platform <no-reply@wsis.local>',
      replyTo: undefined,
      links: { resetPassword: 'http://localhost:3000/reset-password', emailConfirmed: 'http://localhost:3000/account-confirmed' },
    });
  });

  it.each([['production'], ['staging'], ['Development'], [undefined], ['']])(
    'treats NODE_ENV %p as production: no relay, no start',
    (NODE_ENV) => {
      expect(() => readMailSettings({ NODE_ENV })).toThrow(
        `Refusing to start in production mode (NODE_ENV=${NODE_ENV ?? ''}): SMTP_HOST is not set`,
      );
    },
  );

  it('in production takes the relay, the sender and the site from the environment', () => {
    const settings = readMailSettings({
      NODE_ENV: 'production',
      ...PRODUCTION_MAIL,
      SMTP_USERNAME: 'cms',
      SMTP_PASSWORD: 's3cret',
      EMAIL_REPLY_TO: 'wsis-info@itu.int',
    });
    expect(settings).toEqual({
      smtp: { host: 'smtp.example.org', port: 587, secure: false, username: 'cms', password: 's3cret' },
      mailbox: null,
      from: 'WSIS <no-reply@example.org>',
      replyTo: 'wsis-info@itu.int',
      links: { resetPassword: 'https://example.org/reset-password', emailConfirmed: 'https://example.org/account-confirmed' },
    });
  });

  it('uses port 465 for SMTP_SECURE=true, and SMTP_PORT when given', () => {
    expect(readMailSettings({ NODE_ENV: 'production', ...PRODUCTION_MAIL, SMTP_SECURE: 'true' }).smtp).toEqual(
      expect.objectContaining({ port: 465, secure: true }),
    );
    expect(readMailSettings({ NODE_ENV: 'production', ...PRODUCTION_MAIL, SMTP_PORT: '2525' }).smtp).toEqual(
      expect.objectContaining({ port: 2525, secure: false }),
    );
    expect(() => readMailSettings({ NODE_ENV: 'production', ...PRODUCTION_MAIL, SMTP_PORT: 'smtp' })).toThrow(
      /SMTP_PORT must be a port number/,
    );
  });

  it('in development, an SMTP_HOST sends mail there instead of the mailbox', () => {
    const settings = readMailSettings({ NODE_ENV: 'development', SMTP_HOST: 'localhost', SMTP_PORT: '1025' });
    expect(settings.smtp).toEqual(expect.objectContaining({ host: 'localhost', port: 1025 }));
    expect(settings.mailbox).toBeNull();
  });

  it('takes page URLs of their own instead of FRONTEND_URL', () => {
    const { FRONTEND_URL: _unused, ...withoutSite } = PRODUCTION_MAIL;
    const settings = readMailSettings({
      NODE_ENV: 'production',
      ...withoutSite,
      RESET_PASSWORD_URL: 'https://accounts.example.org/new-password',
      EMAIL_CONFIRMED_URL: 'https://accounts.example.org/welcome',
    });
    expect(settings.links).toEqual({
      resetPassword: 'https://accounts.example.org/new-password',
      emailConfirmed: 'https://accounts.example.org/welcome',
    });
    expect(() => readMailSettings({ NODE_ENV: 'production', ...withoutSite })).toThrow('FRONTEND_URL is not set');
  });
});
