import calendars from './calendars';
import documents from './documents';
import exportsService from './exports';
import feeds from './feeds';
import routes from './routes';

export default { calendars, documents, exports: exportsService, feeds, routes };
