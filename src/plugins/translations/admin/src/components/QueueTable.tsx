import { Badge, Table, Tbody, Td, Tr } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { ColumnHeaders } from '../../../../shared/admin/ColumnHeaders';
import { typeName } from '../../../../shared/admin/content-types';
import { EditViewLink } from '../../../../shared/admin/EditViewLink';
import type { TodoItem } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

const COLUMNS = [
  [getTranslation('column.type'), 'Type'],
  [getTranslation('column.title'), 'Title'],
  [getTranslation('column.locale'), 'Language'],
  [getTranslation('column.status'), 'Status'],
  [getTranslation('column.fields'), 'Changed in English'],
] as const;

const TONE = { missing: 'danger', untranslated: 'warning', outdated: 'secondary' } as const;

/** The source's fields changed since they were translated: what an outdated translation must catch up with. */
const changedFields = (item: TodoItem) =>
  item.status === 'outdated' ? item.fields.filter((field) => field.status === 'outdated').map((field) => field.field) : [];

/** A translator's to-do, each row a link to the edit view in the row's language. */
export const QueueTable = ({ items }: { items: TodoItem[] }) => {
  const { formatMessage } = useIntl();
  return (
    <Table colCount={COLUMNS.length} rowCount={items.length + 1}>
      <ColumnHeaders columns={COLUMNS} />
      <Tbody>
        {items.map((item) => (
          <Tr key={`${item.contentType}/${item.documentId}/${item.locale}`} data-testid="translation-row">
            <Td>{typeName(item.contentType)}</Td>
            <Td>
              <EditViewLink contentType={item.contentType} documentId={item.documentId} locale={item.locale}>
                {String(item.title ?? item.documentId)}
              </EditViewLink>
            </Td>
            <Td>{item.locale}</Td>
            <Td>
              <Badge variant={TONE[item.status]}>
                {formatMessage({ id: getTranslation(`status.${item.status}`), defaultMessage: item.status })}
              </Badge>
            </Td>
            <Td>{changedFields(item).join(', ')}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
