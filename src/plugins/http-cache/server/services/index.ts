import contentVersion from './content-version';

export default { 'content-version': contentVersion };
