import { CliError } from './commandLineError';
import { quoteValue } from './quoteValue';

/** Parses a `--x-options '{"a": 1}'` value into an object; absent means `{}`. */
export function parseJsonOption(text: string | undefined, flag: string): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('usage', `${flag} must be a JSON object, e.g. '{"population": 20}'; got ${quoteValue(text)}`, {
      parameter: flag,
      allowed: 'a JSON object',
    });
  }
  return value as Record<string, unknown>;
}
