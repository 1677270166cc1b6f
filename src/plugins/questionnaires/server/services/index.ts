import carry from './carry';
import columns from './columns';
import forms from './forms';
import openapiAdditions from './openapi-additions';
import permissions from './permissions';
import submission from './submission';
import visibility from './visibility';
import writes from './writes';

export default { carry, columns, forms, 'openapi-additions': openapiAdditions, permissions, submission, visibility, writes };
