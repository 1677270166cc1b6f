import { Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/** A table's header row: each column an id among the plugin's strings and its English default. */
export const ColumnHeaders = ({ columns }: { columns: readonly (readonly [id: string, defaultMessage: string])[] }) => {
  const { formatMessage } = useIntl();
  return (
    <Thead>
      <Tr>
        {columns.map(([id, defaultMessage]) => (
          <Th key={id}>
            <Typography variant="sigma">{formatMessage({ id, defaultMessage })}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
};
