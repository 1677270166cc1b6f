import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import type { QueueItem } from '../utils/api';

export interface Filter {
  group?: string;
  locale?: string;
}

/** The calls or phases and the languages of what waits, to narrow the queue to one of them. */
export const QueueFilters = ({ items, filter, onChange }: { items: QueueItem[]; filter: Filter; onChange: (filter: Filter) => void }) => {
  const { formatMessage } = useIntl();
  const groups = new Map(items.flatMap((item) => (item.group ? [[item.group.documentId, item.group.title ?? item.group.documentId]] : [])));
  const locales = [...new Set(items.flatMap((item) => (item.locale ? [item.locale] : [])))].sort();
  return (
    <Flex gap={4} paddingBottom={4}>
      <Field.Root name="group" width="320px">
        <Field.Label>{formatMessage({ id: getTranslation('filters.group'), defaultMessage: 'Call or phase' })}</Field.Label>
        <SingleSelect
          value={filter.group ?? ''}
          placeholder={formatMessage({ id: getTranslation('filters.all'), defaultMessage: 'All' })}
          onChange={(value: string | number) => onChange({ ...filter, group: String(value) || undefined })}
          onClear={() => onChange({ ...filter, group: undefined })}
        >
          {[...groups].map(([documentId, title]) => (
            <SingleSelectOption key={documentId} value={documentId}>
              {title}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name="locale" width="200px">
        <Field.Label>{formatMessage({ id: getTranslation('filters.locale'), defaultMessage: 'Language' })}</Field.Label>
        <SingleSelect
          value={filter.locale ?? ''}
          placeholder={formatMessage({ id: getTranslation('filters.all'), defaultMessage: 'All' })}
          onChange={(value: string | number) => onChange({ ...filter, locale: String(value) || undefined })}
          onClear={() => onChange({ ...filter, locale: undefined })}
        >
          {locales.map((locale) => (
            <SingleSelectOption key={locale} value={locale}>
              {locale}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Flex>
  );
};
