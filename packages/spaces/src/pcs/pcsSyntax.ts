/**
 * The lexical pieces both PCS formats share, as ConfigSpace's parsers accept them: a name (also
 * used for every categorical choice, ordinal entry, default and condition value) is a run of
 * letters, digits and `_-@.:;\/?!$%&*+<>`; numbers are decimal, optionally signed, with an exponent.
 */
export const PCS_NAME = String.raw`[A-Za-z0-9_\-@.:;\\/?!$%&*+<>]+`;

const NAME = new RegExp(`^${PCS_NAME}$`);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** What a PCS name may contain, for error messages. */
export const PCS_NAME_ALLOWED = 'letters, digits and _-@.:;\\/?!$%&*+<> (no spaces, commas, braces, brackets, quotes, =, | or #)';

export function isPcsName(text: string): boolean {
  return NAME.test(text);
}

/** The number `text` spells, or undefined when it is not a PCS number. */
export function parsePcsNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The comma-separated entries of a `{...}` list, trimmed (an empty entry stays empty so it can be reported). */
export function splitPcsList(inner: string): string[] {
  return inner.split(',').map((s) => s.trim());
}
