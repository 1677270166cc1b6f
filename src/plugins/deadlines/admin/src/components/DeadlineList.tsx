import * as React from 'react';
import { Box, Checkbox, Divider, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useWindows } from '../hooks/useWindows';
import { getTranslation } from '../utils/getTranslation';
import { DeadlineRow } from './DeadlineRow';

/** The windows with a "Show closed" switch: the homepage widget and the plugin page both show this. */
export const DeadlineList = ({ withSubmissions = false }: { withSubmissions?: boolean }) => {
  const { formatMessage } = useIntl();
  const [includeClosed, setIncludeClosed] = React.useState(false);
  const loaded = useWindows({ includeClosed });
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Checkbox checked={includeClosed} onCheckedChange={(checked: boolean | 'indeterminate') => setIncludeClosed(checked === true)}>
        {formatMessage({ id: getTranslation('list.showClosed'), defaultMessage: 'Show closed' })}
      </Checkbox>
      {loaded.status === 'loading' && <Loader small />}
      {loaded.status === 'error' && (
        <Typography textColor="danger600">
          {formatMessage({ id: getTranslation('list.error'), defaultMessage: 'The deadlines could not be loaded.' })}
        </Typography>
      )}
      {loaded.status === 'done' && loaded.data.length === 0 && (
        <Typography textColor="neutral600">
          {formatMessage({ id: getTranslation('list.empty'), defaultMessage: 'No open or upcoming window.' })}
        </Typography>
      )}
      {loaded.status === 'done' &&
        loaded.data.map((window, index) => (
          <Box key={`${window.contentType}/${window.documentId}`}>
            {index > 0 && <Divider />}
            <DeadlineRow window={window} withSubmissions={withSubmissions} />
          </Box>
        ))}
    </Flex>
  );
};
