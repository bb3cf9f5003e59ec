import fc from 'fast-check';
import { test } from 'vitest';
import { fuzzParams } from './inputMutations';

/**
 * A vitest test that checks `body` on `numRuns` inputs drawn from `arbitraries` with the suite's fixed
 * seed (see fuzzParams). The same as @fast-check/vitest's `test.prop`, without its import, which costs
 * seconds per test file: a fuzz suite of a dozen files would spend most of its time loading it.
 */
export function fuzzTest<const Ts extends readonly unknown[]>(
  name: string,
  arbitraries: { readonly [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  numRuns: number,
  body: (...values: Ts) => unknown,
  timeout?: number,
): void {
  test(
    name,
    async () => {
      // One tuple arbitrary: asyncProperty's own signature wants its arbitraries as a literal list.
      const property = fc.asyncProperty(fc.tuple(...(arbitraries as unknown as fc.Arbitrary<unknown>[])), async (values) => {
        await body(...(values as unknown as Ts));
      });
      await fc.assert(property, fuzzParams(numRuns));
    },
    timeout,
  );
}
