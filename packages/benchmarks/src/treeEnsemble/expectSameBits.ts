import { expect } from 'vitest';

/** Every value the same float, to the last bit (Object.is also tells 0 from -0 and NaN apart). */
export function expectSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  let first = -1;
  for (let i = 0; i < expected.length && first < 0; i++) if (!Object.is(actual[i], expected[i])) first = i;
  expect(first < 0 ? 'all equal' : `value ${first}: ${actual[first]} vs ${expected[first]}`).toBe('all equal');
}
