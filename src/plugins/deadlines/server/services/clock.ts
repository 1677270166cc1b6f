import { DateTime } from 'luxon';

/**
 * The time that deadlines are checked against. Only the test environment can move it (tests
 * set it directly on the service, in process); no request and no production code path can.
 */
export default () => {
  let frozen: (() => Date) | null = null;
  const canMove = () => process.env.NODE_ENV === 'test';

  return {
    now(): DateTime {
      return DateTime.fromJSDate(frozen ? frozen() : new Date());
    },
    /** Test only: a fixed instant, or a function called once per reading. */
    set(value: Date | string | (() => Date) | null) {
      if (!canMove()) throw new Error('The deadlines clock can only be moved in the test environment');
      if (value === null) frozen = null;
      else if (typeof value === 'function') frozen = value;
      else {
        const instant = new Date(value);
        frozen = () => instant;
      }
    },
  };
};
