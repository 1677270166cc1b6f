export const PLUGIN_ID = 'submissions';
