export const PLUGIN_ID = 'translations';
