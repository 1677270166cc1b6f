import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import type { WindowOverview } from '../utils/api';

/** The submissions a window has received so far, the late ones apart. */
export const SubmissionsCount = ({ submissions }: { submissions: WindowOverview['submissions'] }) => {
  const { formatMessage } = useIntl();
  const total = submissions.reduce((sum, item) => sum + item.total, 0);
  const late = submissions.reduce((sum, item) => sum + item.late, 0);
  return (
    <Typography variant="pi" data-testid="submissions-count">
      {formatMessage(
        {
          id: getTranslation('submissions.count'),
          defaultMessage: '{total, plural, one {# submission} other {# submissions}} received ({late} late)',
        },
        { total, late },
      )}
    </Typography>
  );
};
