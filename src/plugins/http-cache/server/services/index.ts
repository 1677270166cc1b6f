import contentVersion from './content-version';
import responseCache from './response-cache';

export default { 'content-version': contentVersion, 'response-cache': responseCache };
