import { Box } from '@strapi/design-system';
import { DeadlineList } from '../components/DeadlineList';

const DeadlinesWidget = () => (
  <Box data-testid="deadlines-widget" width="100%">
    <DeadlineList />
  </Box>
);

export default DeadlinesWidget;
