import schema from './outbox-message/schema.json';

export default {
  'outbox-message': { schema },
};
