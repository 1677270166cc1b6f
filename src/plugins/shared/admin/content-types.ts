/** "api::stocktaking-entry.stocktaking-entry" → "Stocktaking entry": a type named without asking the server. */
export const typeName = (uid: string) => {
  const name = (uid.split('.').pop() ?? uid).replace(/-/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** The content manager's edit view of a document, in `locale` when given. */
export const editViewPath = (contentType: string, documentId: string, locale?: string | null) =>
  `/content-manager/collection-types/${contentType}/${documentId}${locale ? `?plugins[i18n][locale]=${locale}` : ''}`;
