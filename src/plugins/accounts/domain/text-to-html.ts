const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

/**
 * The HTML part of a plain-text message: escaped, paragraphs at blank lines, line breaks kept,
 * web addresses made links. (The nodemailer provider would otherwise send the text as HTML,
 * losing its line breaks.)
 */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((line) => {
        const parts: string[] = [];
        let last = 0;
        for (const match of line.matchAll(URL_IN_TEXT)) {
          parts.push(escapeHtml(line.slice(last, match.index)));
          const url = escapeHtml(match[0]);
          parts.push(`<a href="${url}">${url}</a>`);
          last = (match.index ?? 0) + match[0].length;
        }
        parts.push(escapeHtml(line.slice(last)));
        return parts.join('');
      });
      return `<p>${lines.join('<br>\n')}</p>`;
    })
    .join('\n');
}
