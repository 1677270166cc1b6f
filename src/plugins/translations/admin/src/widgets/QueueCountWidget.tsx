import { Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useTranslationQueues } from '../hooks/useTranslationQueues';
import { useTranslatorLocales } from '../hooks/useTranslatorLocales';
import { getTranslation } from '../utils/getTranslation';

/** How many documents wait for the signed-in translator, in all their languages. */
const QueueCountWidget = () => {
  const { formatMessage } = useIntl();
  const locales = useTranslatorLocales();
  const queues = useTranslationQueues(locales.status === 'done' ? locales.locales : null);
  if (locales.status === 'error' || queues.status === 'error') return <Widget.Error />;
  if (locales.status === 'done' && locales.locales.length === 0)
    return (
      <Widget.NoData>
        {formatMessage({ id: getTranslation('page.noLocale'), defaultMessage: 'You translate into no language.' })}
      </Widget.NoData>
    );
  if (queues.status !== 'done') return <Widget.Loading />;
  const count = queues.queues.reduce((sum, queue) => sum + queue.items.length, 0);
  return (
    <Flex direction="column" gap={2} width="100%" height="100%" justifyContent="center">
      <Typography variant="alpha" data-testid="translation-queue-count">
        {count}
      </Typography>
      <Typography textColor="neutral600">
        {formatMessage(
          {
            id: getTranslation('widget.count'),
            defaultMessage: '{count, plural, one {document} other {documents}} missing or outdated in {locales}',
          },
          { count, locales: queues.queues.map((queue) => queue.locale).join(', ') },
        )}
      </Typography>
    </Flex>
  );
};

export default QueueCountWidget;
