import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { expectCleanOutcome, fuzzTest, jahskit, Sandbox } from './fuzzFixtures';

/**
 * Point files of hv, hvc and nds: rows of numbers in any spelling JavaScript or a user might write,
 * with now and then a token that is not a finite number, in sets ended by blank or comment lines. The
 * oracle is the documented grammar: finite decimal numbers, the same count on every row, a reference
 * point (hv, hvc) of that many values, one result per set.
 * Valid input must give a result (a finite volume, or the overflow error); anything else the error of
 * its kind: 2 for a bad --reference, 1 for a bad point file.
 */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const isFinite = (token: string): boolean => NUMBER.test(token) && Number.isFinite(Number(token));

const goodToken = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0', '-0', '+1', '.5', '5.', '1e3', '1E-3', '2.5e+2', '007', '1e200', '-1e200', '1e308', '4.9e-324'),
);
const badToken = fc.oneof(
  fc.constantFrom('NaN', 'nan', 'inf', '-Infinity', '1e309', '0x10', '1,5', '1_0', '١', '--1', 'e5', '1e', '.', '+', '∞', '1/2', 'null'),
  fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/\s/.test(s) && !s.startsWith('#')),
);
const token = fc.oneof({ weight: 30, arbitrary: goodToken }, { weight: 1, arbitrary: badToken });
const separator = fc.constantFrom(' ', '  ', '\t', ' \t ');

/** Rows of `d` tokens (sometimes one more or fewer), with blank and comment lines between them. */
const pointText = fc
  .integer({ min: 1, max: 5 })
  .chain((d) =>
    fc
      .array(
        fc.oneof(
          { weight: 12, arbitrary: fc.tuple(fc.array(token, { minLength: d, maxLength: d }), separator).map(([t, s]) => t.join(s)) },
          { weight: 1, arbitrary: fc.tuple(fc.array(token, { minLength: 1, maxLength: d + 1 }), separator).map(([t, s]) => t.join(s)) },
          { weight: 1, arbitrary: fc.constantFrom('', '   ', '# comment', '#', '\t') },
        ),
        { maxLength: 25 },
      )
      .chain((rows) => fc.tuple(fc.constant(rows), fc.constantFrom('\n', '\r\n'), fc.array(goodToken, { minLength: d, maxLength: d }))),
  );

interface Expected {
  readonly code: 0 | 1 | 2;
  readonly n: number;
  /** Point sets: as in moocore, a blank or comment line ends a set. */
  readonly sets: number;
}

/** What the grammar says about `rows` with `reference` (undefined for nds). */
function expected(rows: readonly string[], reference: string | undefined): Expected {
  if (reference !== undefined) {
    const tokens = reference.split(/[\s,]+/).filter((t) => t !== '');
    if (tokens.length === 0 || !tokens.every(isFinite)) return { code: 2, n: 0, sets: 0 };
  }
  let d = -1;
  let n = 0;
  let sets = 0;
  let open = false;
  for (const row of rows) {
    const line = row.trim();
    if (line === '' || line.startsWith('#')) {
      open = false;
      continue;
    }
    const tokens = line.split(/\s+/);
    if (d === -1) d = tokens.length;
    if (tokens.length !== d || !tokens.every(isFinite)) return { code: 1, n, sets };
    if (!open) sets++;
    open = true;
    n++;
  }
  if (reference !== undefined && n > 0 && reference.split(/[\s,]+/).filter((t) => t !== '').length !== d) return { code: 1, n, sets };
  return { code: 0, n, sets };
}

const sandbox = new Sandbox('jahskit-fuzz-points-');

describe('hv, hvc, nds over arbitrary point files', () => {
  for (const command of ['hv', 'hvc', 'nds'] as const) {
    const reference = fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc
          .array(fc.oneof({ weight: 8, arbitrary: goodToken }, { weight: 1, arbitrary: badToken }), { minLength: 1, maxLength: 6 })
          .chain((t) => fc.constantFrom(t.join(','), t.join(' '), t.join(', '))),
      },
    );
    fuzzTest(command, [pointText, reference, fc.boolean()], 200, async ([rows, newline, ownReference], otherReference, fromFile) => {
      // A reference point of the points' dimension, taken beyond their values, or another one.
      const ref = command === 'nds' ? undefined : (otherReference ?? ownReference.map((t) => String(Math.abs(Number(t)) + 1)).join(','));
      const text = rows.join(newline);
      const argv = [command, ...(ref !== undefined ? ['-r', ref] : [])];
      if (fromFile) writeFileSync(join(sandbox.root, 'in', 'points.txt'), text);
      const before = sandbox.snapshot();
      const outcome = await jahskit(fromFile ? [...argv, 'in/points.txt'] : argv, sandbox.root, fromFile ? '' : text);
      expectCleanOutcome(outcome, command, { success: true });
      expect(sandbox.changesOutside(before)).toEqual([]);
      const want = expected(rows, ref);
      if (want.code === 0 && outcome.code === 1 && /overflows double precision/.test(outcome.err)) return;
      expect(outcome.code, `${outcome.err}\n${JSON.stringify(text)} -r ${ref}`).toBe(want.code);
      if (outcome.code !== 0) return;
      // hvc and nds separate the sets' values by a blank line.
      const lines = outcome.out === '' ? [] : outcome.out.trimEnd().split('\n');
      expect(lines.filter((l) => l === '')).toHaveLength(command === 'hv' ? 0 : Math.max(0, want.sets - 1));
      const values = lines.filter((l) => l !== '').map(Number);
      expect(values).toHaveLength(command === 'hv' ? Math.max(1, want.sets) : want.n);
      for (const v of values) expect(Number.isFinite(v) && v >= 0, outcome.out).toBe(true);
      if (command === 'nds') for (const v of values) expect(Number.isInteger(v) && v >= 1).toBe(true);
    });
  }
});
