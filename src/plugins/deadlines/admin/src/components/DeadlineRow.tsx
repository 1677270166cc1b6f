import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { editViewPath } from '../../../../shared/admin/content-types';
import type { WindowOverview } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';
import { Countdown } from './Countdown';
import { StateBadge } from './StateBadge';
import { SubmissionsCount } from './SubmissionsCount';
import { ZonedDate } from './ZonedDate';

/** One window: title, state, effective deadline (window's zone and viewer's), countdown, original date when extended. */
export const DeadlineRow = ({ window, withSubmissions = false }: { window: WindowOverview; withSubmissions?: boolean }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex data-testid="deadline-row" direction="column" alignItems="stretch" gap={1} paddingTop={3} paddingBottom={3}>
      <Flex justifyContent="space-between" gap={2}>
        <Link to={editViewPath(window.contentType, window.documentId)}>
          <Typography fontWeight="bold">{window.title ?? window.documentId}</Typography>
        </Link>
        <StateBadge state={window.state} />
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
