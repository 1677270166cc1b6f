import background from './background';
import mailbox from './mailbox';
import outbox from './outbox';
import passwordReset from './password-reset';
import registration from './registration';
import settings from './settings';

export default { background, mailbox, outbox, 'password-reset': passwordReset, registration, settings };
