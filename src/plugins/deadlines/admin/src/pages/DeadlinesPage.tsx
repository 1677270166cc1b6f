import { Box } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { DeadlineList } from '../components/DeadlineList';
import { getTranslation } from '../utils/getTranslation';

/** Every open and upcoming window, with the submissions each has received. */
const DeadlinesPage = () => {
  const { formatMessage } = useIntl();
  const title = formatMessage({ id: getTranslation('page.title'), defaultMessage: 'Deadlines' });
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('page.subtitle'),
          defaultMessage:
            'Open and upcoming windows: effective deadline in the window’s timezone and yours, extensions, submissions received',
        })}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <DeadlineList withSubmissions />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default DeadlinesPage;
