import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { QueueTable } from '../components/QueueTable';
import { useTranslationQueues } from '../hooks/useTranslationQueues';
import { useTranslatorLocales } from '../hooks/useTranslatorLocales';
import { getTranslation } from '../utils/getTranslation';

/** The signed-in translator's documents missing or outdated in their language(s), worst first. */
const TranslationQueuePage = () => {
  const { formatMessage } = useIntl();
  const locales = useTranslatorLocales();
  const queues = useTranslationQueues(locales.status === 'done' ? locales.locales : null);
  const title = formatMessage({ id: getTranslation('page.title'), defaultMessage: 'Translation queue' });
  const items = queues.status === 'done' ? queues.queues.flatMap((queue) => queue.items) : [];
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          locales.status === 'done' && locales.locales.length > 0
            ? formatMessage(
                { id: getTranslation('page.subtitle'), defaultMessage: 'Missing or outdated in {locales}' },
                { locales: locales.locales.join(', ') },
              )
            : undefined
        }
      />
      <Layouts.Content>
        {(locales.status === 'error' || queues.status === 'error') && <Page.Error />}
        {locales.status === 'done' && locales.locales.length === 0 && (
          <Typography textColor="neutral600">
            {formatMessage({ id: getTranslation('page.noLocale'), defaultMessage: 'You translate into no language.' })}
          </Typography>
        )}
        {locales.status === 'done' && locales.locales.length > 0 && queues.status === 'loading' && <Page.Loading />}
        {queues.status === 'done' &&
          (items.length === 0 ? (
            <Box padding={6} background="neutral0" hasRadius>
              <Typography textColor="neutral600">
                {formatMessage({ id: getTranslation('page.empty'), defaultMessage: 'Every translation is up to date.' })}
              </Typography>
            </Box>
          ) : (
            <QueueTable items={items} />
          ))}
      </Layouts.Content>
    </Page.Main>
  );
};

export default TranslationQueuePage;
