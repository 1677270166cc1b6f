import permissions from './permissions';
import reads from './reads';
import review from './review';
import rules from './rules';
import uploads from './uploads';

export default { permissions, reads, review, rules, uploads };
