import deadlineOverride from './deadline-override/schema.json';
import lateSubmittersChange from './late-submitters-change/schema.json';

export default {
  'deadline-override': { schema: deadlineOverride },
  'late-submitters-change': { schema: lateSubmittersChange },
};
