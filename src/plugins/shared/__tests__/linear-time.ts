/**
 * Guards against pathological (quadratic or worse) processing of hostile input without a wall-clock
 * budget, which fails on a loaded CI machine: the work on an input four times larger must cost about
 * four times as much, not sixteen. Each size runs three times and keeps its fastest run, so a pause of
 * the machine during one run does not decide the result; `slackMs` absorbs timer noise on fast runs.
 */
const FACTOR = 4;
const RUNS = 3;
/** Linear work grows 4x, quadratic 16x: 10x leaves room for noise on both sides. */
const MAX_GROWTH = 10;

async function fastest(work: () => unknown): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Asserts that `work(size)` grows linearly from `size` to four times `size`. */
export async function expectLinearTime(work: (size: number) => unknown, size: number, slackMs = 20): Promise<void> {
  const small = await fastest(() => work(size));
  const large = await fastest(() => work(size * FACTOR));
  expect(large).toBeLessThan(small * MAX_GROWTH + slackMs);
}
