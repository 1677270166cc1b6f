import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { formatInZone, viewerZone } from '../utils/dates';

/** One instant in the window's timezone, and beneath it in the viewer's own zone. */
export const ZonedDate = ({ iso, zone, prefix }: { iso: string; zone: string; prefix?: string }) => {
  const { locale } = useIntl();
  return (
    <Flex direction="column" alignItems="flex-start">
      <Typography variant="omega">
        {prefix ? `${prefix} ` : ''}
        {formatInZone(iso, zone, locale)}
      </Typography>
      <Typography variant="pi" textColor="neutral600">
        {formatInZone(iso, viewerZone(), locale)}
      </Typography>
    </Flex>
  );
};
