import { CliError } from '../commandLineError';
import { quoteValue } from '../quoteValue';
import type { Protocol } from './Protocol';

/**
 * `compare --budget`: `n` evaluations or `Ns` simulated seconds for every run, in place of each
 * protocol's own budget (which may be either or both, see Protocol.budget).
 */
export function parseBudget(text: string): Protocol['budget'] {
  const allowed = 'a whole number of evaluations (200) or of simulated seconds (12000s), at least 1';
  const seconds = /^(\d+)s$/.exec(text);
  const value = Number(seconds !== null ? seconds[1] : /^\d+$/.test(text) ? text : Number.NaN);
  if (!(Number.isSafeInteger(value) && value >= 1)) {
    throw new CliError('usage', `--budget must be ${allowed}, got ${quoteValue(text)}`, { parameter: 'budget', allowed });
  }
  return seconds !== null ? { simulatedSeconds: value } : { evaluations: value };
}
