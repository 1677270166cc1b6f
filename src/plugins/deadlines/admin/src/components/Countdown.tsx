import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNow } from '../hooks/useNow';
import { timeLeft } from '../utils/dates';
import { getTranslation } from '../utils/getTranslation';
import type { WindowOverview } from '../utils/api';

/** Time left until an upcoming window opens or an open one closes. */
export const Countdown = ({ window }: { window: Pick<WindowOverview, 'state' | 'opensAt' | 'closesAt'> }) => {
  const { formatMessage } = useIntl();
  const now = useNow();
  const target = window.state === 'upcoming' ? window.opensAt : window.state === 'open' ? window.closesAt : null;
  const left = target ? timeLeft(target, now) : null;
  const text = !left
    ? formatMessage({ id: getTranslation('countdown.over'), defaultMessage: 'Closed' })
    : window.state === 'upcoming'
      ? formatMessage({ id: getTranslation('countdown.opensIn'), defaultMessage: 'Opens in {left}' }, { left })
      : formatMessage({ id: getTranslation('countdown.closesIn'), defaultMessage: 'Closes in {left}' }, { left });
  return (
    <Typography variant="pi" fontWeight="bold" data-testid="countdown">
      {text}
    </Typography>
  );
};
