import actor from './actor';
import clock from './clock';
import enforcement from './enforcement';
import lateSubmitters from './late-submitters';
import openapiAdditions from './openapi-additions';
import overview from './overview';
import sources from './sources';
import windows from './windows';

export default {
  actor,
  clock,
  enforcement,
  'late-submitters': lateSubmitters,
  'openapi-additions': openapiAdditions,
  overview,
  sources,
  windows,
};
