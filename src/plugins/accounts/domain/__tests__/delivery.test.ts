import { afterFailure, recipientsOf, storableMessage } from '../delivery';

const POLICY = { maxAttempts: 5, retryDelay: 30_000, maxRetryDelay: 100_000 };

describe('afterFailure', () => {
  it('waits the retry delay after the first failure, doubling after each further one, up to the longest wait', () => {
    expect(afterFailure(1, 0, POLICY)).toEqual({ retryAt: 30_000 });
    expect(afterFailure(2, 0, POLICY)).toEqual({ retryAt: 60_000 });
    expect(afterFailure(3, 1_000, POLICY)).toEqual({ retryAt: 101_000 });
    expect(afterFailure(4, 0, POLICY)).toEqual({ retryAt: 100_000 });
  });

  it('gives up once the last attempt failed', () => {
    expect(afterFailure(5, 0, POLICY)).toEqual({ giveUp: true });
    expect(afterFailure(1, 0, { ...POLICY, maxAttempts: 1 })).toEqual({ giveUp: true });
  });
});

describe('storableMessage', () => {
  it('keeps the options as JSON, without empty values (the provider defaults apply)', () => {
    expect(
      storableMessage({ to: 'a@wsis.test', from: undefined, replyTo: '', subject: 'Reset password', text: 'x', html: '<p>x</p>' }),
    ).toEqual({
      to: 'a@wsis.test',
      subject: 'Reset password',
      text: 'x',
      html: '<p>x</p>',
    });
  });

  it('keeps Buffer attachments as base64', () => {
    const message = storableMessage({ to: 'a@wsis.test', attachments: [{ filename: 'call.txt', content: Buffer.from('WSIS') }] });
    expect(message.attachments).toEqual([{ filename: 'call.txt', content: 'V1NJUw==', encoding: 'base64' }]);
  });

  it('refuses what cannot wait in a database: streams, functions, no recipient', () => {
    const stream = { pipe() {} };
    expect(() => storableMessage({ to: 'a@wsis.test', attachments: [{ content: stream }] })).toThrow(/stream/);
    expect(() => storableMessage({ to: 'a@wsis.test', text: () => 'x' })).toThrow(/cannot be kept/);
    expect(() => storableMessage({ subject: 'x' })).toThrow(/recipient/);
    expect(() => storableMessage('a@wsis.test')).toThrow(/object/);
  });
});

describe('recipientsOf', () => {
  it("lists to, cc and bcc in any of nodemailer's shapes", () => {
    expect(recipientsOf({ to: ['a@wsis.test', { name: 'B', address: 'b@wsis.test' }], cc: 'c@wsis.test' })).toBe(
      'a@wsis.test, b@wsis.test, c@wsis.test',
    );
  });
});
