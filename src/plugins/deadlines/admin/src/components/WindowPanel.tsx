import { Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useWindows } from '../hooks/useWindows';
import { getTranslation } from '../utils/getTranslation';
import type { WindowOverview } from '../utils/api';
import { Countdown } from './Countdown';
import { StateWord } from './StateWord';
import { ZonedDate } from './ZonedDate';

const Dated = ({ label, iso, zone }: { label: string; iso: string | null; zone: string }) =>
  iso ? (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <ZonedDate iso={iso} zone={zone} />
    </Flex>
  ) : null;

const WindowDetails = ({ window }: { window: WindowOverview }) => {
  const { formatMessage } = useIntl();
  const label = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  return (
    <Flex data-testid="window-panel" direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2}>
        <StateWord state={window.state} testId="window-state" />
        {window.state !== 'closed' && <Countdown window={window} />}
      </Flex>
      <Dated label={label('window.opens', 'Opens')} iso={window.opensAt} zone={window.timezone} />
      <Dated
        label={label('window.closes', 'Closes')}
        iso={window.extended ? window.originalClosesAt : window.closesAt}
        zone={window.timezone}
      />
      {window.extensions.map((extension) => (
        <Flex key={extension.closesAt} direction="column" alignItems="flex-start" gap={1}>
          <Dated label={label('window.extendedTo', 'Extended to')} iso={extension.closesAt} zone={window.timezone} />
          {extension.reason && (
            <Typography variant="pi" textColor="neutral600">
              {extension.reason}
            </Typography>
          )}
        </Flex>
      ))}
      <Dated label={label('window.editUntil', 'Edit until')} iso={window.editableUntil} zone={window.timezone} />
    </Flex>
  );
};

/** The edit view's "Window" panel on a document that carries a window (a call, a phase, an edition). */
export const WindowPanel: PanelComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const loaded = useWindows({ includeClosed: true });
  const window =
    loaded.status === 'done' ? loaded.data.find((item) => item.contentType === model && item.documentId === documentId) : undefined;
  if (!window) return null;
  return {
    title: formatMessage({ id: getTranslation('window.title'), defaultMessage: 'Window' }),
    content: <WindowDetails window={window} />,
  };
};
