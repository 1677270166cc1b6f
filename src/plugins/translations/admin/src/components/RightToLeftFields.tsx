import * as React from 'react';
import { unstable_useContentManagerContext, unstable_useDocumentLayout, useQueryParams } from '@strapi/strapi/admin';
import { isRightToLeft } from '../utils/direction';
import { setDirection, textEditorsOf, type TextField } from '../utils/text-editors';

type Attribute = { type: string; pluginOptions?: { i18n?: { localized?: boolean } } };

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks', 'email']);

/**
 * In the content manager's edit view, a right-to-left locale's localized text fields are written
 * right to left. No extension point sets an input's direction, so this sets `dir` on the rendered
 * editors and keeps it there as the form re-renders.
 */
export const RightToLeftFields = () => {
  const { contentType, model } = unstable_useContentManagerContext();
  const { edit } = unstable_useDocumentLayout(model);
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;

  const fields = React.useMemo<TextField[]>(() => {
    if (!contentType) return [];
    const attributes = contentType.attributes as Record<string, Attribute>;
    return edit.layout
      .flat(2)
      .filter(({ name }) => attributes[name]?.pluginOptions?.i18n?.localized && TEXT_TYPES.has(attributes[name].type))
      .map(({ name, label }) => ({ name, label }));
  }, [contentType, edit.layout]);

  React.useEffect(() => {
    if (!locale || !isRightToLeft(locale) || fields.length === 0) return;
    const root = document.querySelector('main') ?? document.body;
    const touched = new Set<HTMLElement>();
    const apply = () => {
      for (const element of fields.flatMap((field) => textEditorsOf(root, field))) {
        if (element.getAttribute('dir') === 'rtl') continue;
        setDirection(element, 'rtl');
        touched.add(element);
      }
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      for (const element of touched) setDirection(element, null);
    };
  }, [fields, locale]);

  return null;
};
