import permissions from './permissions';
import reads from './reads';
import rules from './rules';
import uploads from './uploads';

export default { permissions, reads, rules, uploads };
