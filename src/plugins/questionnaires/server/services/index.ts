import carry from './carry';
import columns from './columns';
import forms from './forms';
import permissions from './permissions';
import submission from './submission';
import visibility from './visibility';
import writes from './writes';

export default { carry, columns, forms, permissions, submission, visibility, writes };
