import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { QueueFilters, type Filter } from '../components/QueueFilters';
import { QueueTable } from '../components/QueueTable';
import { useReviewQueue } from '../hooks/useReviewQueue';
import { REVIEW_PERMISSION } from '../utils/api';
import { getTranslation } from '../utils/getTranslation';

const Moderation = () => {
  const { formatMessage } = useIntl();
  const [filter, setFilter] = React.useState<Filter>({});
  // The filters offer what waits in the whole queue, whatever is chosen.
  const everything = useReviewQueue({});
  const filtered = useReviewQueue(filter);
  const title = formatMessage({ id: getTranslation('page.title'), defaultMessage: 'Moderation' });
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({ id: getTranslation('page.subtitle'), defaultMessage: 'Submissions waiting for review, oldest first' })}
      />
      <Layouts.Content>
        <QueueFilters items={everything.status === 'done' ? everything.data : []} filter={filter} onChange={setFilter} />
        {filtered.status === 'loading' && <Page.Loading />}
        {filtered.status === 'error' && <Page.Error />}
        {filtered.status === 'done' &&
          (filtered.data.length === 0 ? (
            <Box padding={6} background="neutral0" hasRadius>
              <Typography textColor="neutral600">
                {formatMessage({ id: getTranslation('page.empty'), defaultMessage: 'Nothing waits for review.' })}
              </Typography>
            </Box>
          ) : (
            <QueueTable items={filtered.data} />
          ))}
      </Layouts.Content>
    </Page.Main>
  );
};

const ModerationPage = () => (
  <Page.Protect permissions={[{ action: REVIEW_PERMISSION, subject: null }]}>
    <Moderation />
  </Page.Protect>
);

export default ModerationPage;
