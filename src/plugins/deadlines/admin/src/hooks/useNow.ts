import * as React from 'react';
import { DateTime } from 'luxon';

/** The current time, ticking every second (countdowns). */
export function useNow(): DateTime {
  const [now, setNow] = React.useState(() => DateTime.now());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(DateTime.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
