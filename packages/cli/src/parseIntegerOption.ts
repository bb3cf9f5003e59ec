import { CliError } from './commandLineError';
import { quoteValue } from './quoteValue';

/** The largest seed: core's random streams take 32-bit unsigned seeds (see assertSeed). */
export const MAX_SEED = 0xffff_ffff;

/**
 * An integer flag value `--name` from `min` to `max`, or a usage error naming the flag and the allowed
 * values. A seed is checked here too, against MAX_SEED: a seed typed on the command line is a usage
 * error, not the core error that assertSeed would raise later.
 */
export function parseIntegerOption(text: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    const allowed = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new CliError('usage', `--${name} must be an integer ${allowed}, got ${quoteValue(text)}`, { parameter: name, allowed: `integers ${allowed}` });
  }
  return value;
}
