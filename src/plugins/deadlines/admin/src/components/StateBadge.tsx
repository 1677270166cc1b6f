import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import type { WindowOverview } from '../utils/api';

const TONE = { open: 'success', upcoming: 'secondary', closed: 'neutral' } as const;

export const StateBadge = ({ state, testId }: { state: WindowOverview['state']; testId?: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge variant={TONE[state]} data-testid={testId}>
      {formatMessage({ id: getTranslation(`state.${state}`), defaultMessage: state })}
    </Badge>
  );
};
