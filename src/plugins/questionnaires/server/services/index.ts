import carry from './carry';
import forms from './forms';
import permissions from './permissions';
import visibility from './visibility';
import writes from './writes';

export default { carry, forms, permissions, visibility, writes };
