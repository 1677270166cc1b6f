import { Table, Tbody, Td, Tr } from '@strapi/design-system';
import { DateTime } from 'luxon';
import { useIntl } from 'react-intl';
import { ColumnHeaders } from '../../../../shared/admin/ColumnHeaders';
import { typeName } from '../../../../shared/admin/content-types';
import { EditViewLink } from '../../../../shared/admin/EditViewLink';
import type { QueueItem } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

const COLUMNS = [
  [getTranslation('column.title'), 'Title'],
  [getTranslation('column.type'), 'Type'],
  [getTranslation('column.group'), 'Call or phase'],
  [getTranslation('column.locale'), 'Language'],
  [getTranslation('column.submittedAt'), 'Submitted'],
  [getTranslation('column.state'), 'Review state'],
] as const;

/** What waits for review, oldest first, each a link to its edit view in its language. */
export const QueueTable = ({ items }: { items: QueueItem[] }) => {
  const { formatMessage, locale } = useIntl();
  return (
    <Table colCount={COLUMNS.length} rowCount={items.length + 1}>
      <ColumnHeaders columns={COLUMNS} />
      <Tbody>
        {items.map((item) => (
          <Tr key={`${item.contentType}/${item.documentId}/${item.locale}`} data-testid="review-row">
            <Td>
              <EditViewLink contentType={item.contentType} documentId={item.documentId} locale={item.locale}>
                {item.title ?? item.documentId}
              </EditViewLink>
            </Td>
            <Td>{typeName(item.contentType)}</Td>
            <Td>{item.group?.title ?? '—'}</Td>
            <Td>{item.locale ?? '—'}</Td>
            <Td>{DateTime.fromISO(item.submittedAt).setLocale(locale).toLocaleString(DateTime.DATETIME_MED)}</Td>
            <Td>{formatMessage({ id: getTranslation('state.submitted'), defaultMessage: 'submitted' })}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
