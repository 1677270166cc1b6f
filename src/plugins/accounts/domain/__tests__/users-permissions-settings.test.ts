import { accountAdvancedSettings, withoutShippedSender } from '../users-permissions-settings';

const LINKS = { resetPassword: 'https://wsis.test/reset-password', emailConfirmed: 'https://wsis.test/account-confirmed' };

describe('accountAdvancedSettings', () => {
  it('requires confirmation and sets both links, keeping the other settings', () => {
    const current = {
      unique_email: true,
      allow_register: true,
      email_confirmation: false,
      email_reset_password: null,
      email_confirmation_redirection: null,
      default_role: 'authenticated',
    };
    expect(accountAdvancedSettings(current, LINKS)).toEqual({
      unique_email: true,
      allow_register: true,
      email_confirmation: true,
      email_reset_password: 'https://wsis.test/reset-password',
      email_confirmation_redirection: 'https://wsis.test/account-confirmed',
      default_role: 'authenticated',
    });
  });
});

describe('withoutShippedSender', () => {
  it("clears users-permissions' shipped sender and keeps one chosen in the admin", () => {
    const templates = {
      reset_password: {
        display: 'reset',
        options: { from: { name: 'Administration Panel', email: 'no-reply@strapi.io' }, object: 'Reset password' },
      },
      email_confirmation: { display: 'confirm', options: { from: { name: 'WSIS', email: 'accounts@itu.int' }, object: 'Confirm' } },
    };
    expect(withoutShippedSender(templates)).toEqual({
      reset_password: { display: 'reset', options: { from: { name: '', email: '' }, object: 'Reset password' } },
      email_confirmation: templates.email_confirmation,
    });
  });
});
