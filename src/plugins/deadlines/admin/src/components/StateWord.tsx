import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import type { WindowOverview } from '../utils/api';

const COLOR = { open: 'success600', upcoming: 'primary600', closed: 'neutral600' } as const;

/** A window's state in a word: open, upcoming or closed. */
export const StateWord = ({ state, testId }: { state: WindowOverview['state']; testId?: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Typography variant="omega" fontWeight="bold" textColor={COLOR[state]} data-testid={testId}>
      {formatMessage({ id: getTranslation(`state.${state}`), defaultMessage: state })}
    </Typography>
  );
};
