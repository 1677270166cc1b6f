/**
 * A URL as a feed reader needs it: absolute. `/uploads/x.pdf` against `https://example.org/cms`
 * gives `https://example.org/cms/uploads/x.pdf` (the public URL may carry a path); absolute
 * URLs (files on S3) stay as they are.
 */
export function absoluteUrl(url: string, baseUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `${baseUrl.replace(/\/+$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

/** `/api/x/{documentId}?locale={locale}` with each `{name}` replaced by its URL-encoded value. */
export function expandTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (match, name: string) => (name in values ? encodeURIComponent(values[name]) : match));
}
