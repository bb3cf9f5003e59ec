import { CliError } from '../commandLineError';
import { MAX_SEED } from '../parseIntegerOption';
import { quoteValue } from '../quoteValue';

/** At most this many seeds in one grid: a typo such as 0..1000000000 must not plan a billion runs. */
export const MAX_GRID_SEEDS = 100_000;

/**
 * `compare --seeds`: `n` for seeds 0..n-1, or `a..b` for seeds a to b inclusive (to add seeds 10..19
 * to a grid of seeds 0..9, or to split one grid's seeds between machines).
 */
export function parseSeeds(text: string): number[] {
  const allowed = `a count n >= 1 (seeds 0..n-1) or a range a..b with 0 <= a <= b <= ${MAX_SEED}, at most ${MAX_GRID_SEEDS} seeds`;
  const fail = (): never => {
    throw new CliError('usage', `--seeds must be ${allowed}, got ${quoteValue(text)}`, { parameter: 'seeds', allowed });
  };
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  const count = /^\d+$/.test(text) ? Number(text) : undefined;
  const [first, last] = range !== null ? [Number(range[1]), Number(range[2])] : count !== undefined ? [0, count - 1] : fail();
  if (!(first >= 0 && last >= first && last <= MAX_SEED && last - first + 1 <= MAX_GRID_SEEDS)) fail();
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
