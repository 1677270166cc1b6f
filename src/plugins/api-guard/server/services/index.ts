import caller from './caller';
import models from './models';
import openapiAdditions from './openapi-additions';

export default { caller, models, 'openapi-additions': openapiAdditions };
