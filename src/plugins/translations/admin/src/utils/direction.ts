// Languages written right to left (by their primary subtag).
const RIGHT_TO_LEFT = new Set(['ar', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

export const isRightToLeft = (locale: string) => RIGHT_TO_LEFT.has(locale.split('-')[0].toLowerCase());
