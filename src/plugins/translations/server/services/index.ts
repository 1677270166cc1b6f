import derivedFields from './derived-fields';
import fallback from './fallback';
import model from './model';
import openapiAdditions from './openapi-additions';
import searchIndex from './search-index';
import status from './status';

export default {
  model,
  'derived-fields': derivedFields,
  fallback,
  'openapi-additions': openapiAdditions,
  'search-index': searchIndex,
  status,
};
