import bootstrap from './server/bootstrap';
import config from './server/config';
import calendars from './server/controllers/calendars';
import exportsController from './server/controllers/exports';
import feeds from './server/controllers/feeds';
import register from './server/register';
import services from './server/services';

export default {
  register,
  bootstrap,
  config,
  controllers: { calendars, feeds, exports: exportsController },
  services,
};
