// The SMTP relay of the browser suite's server: accepts any message on 127.0.0.1, keeps it in
// memory, sends nothing on. (The app's own local mailbox is for development and test boots, which
// `strapi start` is not.)
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

async function startMailbox() {
  const messages = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });

  /** The first message to `address` whose subject matches, waiting up to `timeout` ms for it. */
  async function next(address, subject, timeout = 30_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = messages.find((message) => message.to.includes(address.toLowerCase()) && subject.test(message.subject));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No message "${subject.source}" to ${address} within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    port: server.server.address().port,
    messages,
    next,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

module.exports = { startMailbox };
