import * as React from 'react';
import { unstable_useContentManagerContext, useQueryParams } from '@strapi/strapi/admin';
import { isRightToLeft } from '../utils/direction';

type Attribute = { type: string; pluginOptions?: { i18n?: { localized?: boolean } } };

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks', 'email']);

/** The elements a user types a localized attribute's text into: its input or textarea, its rich-text editor. */
function editorsOf(form: ParentNode, name: string): HTMLElement[] {
  const inputs = [...form.querySelectorAll<HTMLElement>(`input[name="${CSS.escape(name)}"], textarea[name="${CSS.escape(name)}"]`)];
  // The markdown and blocks editors carry no name: they sit in the field whose label points at their id.
  const field = form.querySelector<HTMLElement>(`[data-strapi-field-name="${CSS.escape(name)}"]`);
  const editors = field ? [...field.querySelectorAll<HTMLElement>('.CodeMirror, [contenteditable="true"]')] : [];
  return [...inputs, ...editors];
}

/**
 * In the content manager's edit view, a right-to-left locale's localized text fields are written
 * right to left. No extension point sets an input's direction, so this sets `dir` on the rendered
 * inputs and keeps it there as the form re-renders.
 */
export const RightToLeftFields = () => {
  const { contentType } = unstable_useContentManagerContext();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;

  React.useEffect(() => {
    if (!locale || !isRightToLeft(locale) || !contentType) return;
    const names = Object.entries(contentType.attributes as Record<string, Attribute>)
      .filter(([, attribute]) => attribute.pluginOptions?.i18n?.localized && TEXT_TYPES.has(attribute.type))
      .map(([name]) => name);
    const root = document.querySelector('main') ?? document.body;
    const touched = new Set<HTMLElement>();
    const apply = () => {
      for (const name of names) {
        for (const element of editorsOf(root, name)) {
          if (element.getAttribute('dir') === 'rtl') continue;
          element.setAttribute('dir', 'rtl');
          touched.add(element);
        }
      }
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      for (const element of touched) element.removeAttribute('dir');
    };
  }, [contentType, locale]);

  return null;
};
