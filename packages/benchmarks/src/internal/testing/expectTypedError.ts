import { JahskitError } from '@jahskit/core';
import { expect } from 'vitest';

/** Runs (and awaits) `run`, expecting a jahskit error naming `parameter` and, when given, listing `allowed` among what is allowed. */
export async function expectTypedError(run: () => unknown, parameter: string, allowed?: string): Promise<void> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(JahskitError.isJahskitError(caught), String(caught)).toBe(true);
  expect((caught as JahskitError).parameter).toBe(parameter);
  if (allowed !== undefined) expect((caught as JahskitError).allowed).toContain(allowed);
}
