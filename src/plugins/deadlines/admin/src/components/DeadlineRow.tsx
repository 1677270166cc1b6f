import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { EditViewLink } from '../../../../shared/admin/EditViewLink';
import type { WindowOverview } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { Countdown } from './Countdown';
import { StateWord } from './StateWord';
import { SubmissionsCount } from './SubmissionsCount';
import { ZonedDate } from './ZonedDate';

/** One window: title, state, effective deadline (window's zone and viewer's), countdown, original date when extended. */
export const DeadlineRow = ({ window, withSubmissions = false }: { window: WindowOverview; withSubmissions?: boolean }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex data-testid="deadline-row" direction="column" alignItems="stretch" gap={1} paddingTop={3} paddingBottom={3}>
      <Flex justifyContent="space-between" gap={2}>
        <EditViewLink contentType={window.contentType} documentId={window.documentId}>
          <Typography fontWeight="bold">{window.title ?? window.documentId}</Typography>
        </EditViewLink>
        <StateWord state={window.state} />
      </Flex>
      {window.closesAt && <ZonedDate iso={window.closesAt} zone={window.timezone} />}
      {window.extended && window.originalClosesAt && (
        <ZonedDate
          iso={window.originalClosesAt}
          zone={window.timezone}
          prefix={formatMessage({ id: getTranslation('window.originally'), defaultMessage: 'Originally' })}
        />
      )}
      <Countdown window={window} />
      {withSubmissions && <SubmissionsCount submissions={window.submissions} />}
    </Flex>
  );
};
