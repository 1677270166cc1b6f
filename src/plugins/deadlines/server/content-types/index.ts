import schema from './deadline-override/schema.json';

export default {
  'deadline-override': { schema },
};
