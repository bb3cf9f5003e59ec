import { CliError } from './commandLineError';

/** An integer flag value `--name` of at least `min`, or a usage error naming the flag and the allowed values. */
export function parseIntegerOption(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new CliError('usage', `--${name} must be an integer >= ${min}, got "${text}"`, { parameter: name, allowed: `integers >= ${min}` });
  }
  return value;
}
