import fc from 'fast-check';
import { createRegistry, Rng, type Benchmark } from '@jahskit/core';
import { NB201_OPS } from '@jahskit/spaces';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { defaultModules } from '../defaultModules';
import { applyByteEdits, applyJsonEdits, byteEdit, expectCleanOutcome, fuzzTest, jahskit, jsonEdit, Sandbox } from './fuzzFixtures';

/**
 * `jahskit eval` reads one JSON query per line. Whatever the lines, it answers every query line before
 * the first bad one, in order, then stops with one error line naming that line; with no bad line it
 * answers all of them.
 */
const registry = createRegistry(defaultModules());
const sandbox = new Sandbox('jahskit-fuzz-eval-');
const benchmarks = new Map<string, Benchmark>();

/** A legal query of the benchmark, drawn from its spaces by `seed`. */
function validQuery(id: string, seed: number): Record<string, unknown> {
  const benchmark = benchmarks.get(id)!;
  const rng = Rng.seeded(seed);
  return { config: benchmark.space.sample(rng), fidelity: benchmark.fidelitySpace.sample(rng), seed: seed % 3 };
}

const arch = fc
  .array(fc.constantFrom(...NB201_OPS), { minLength: 6, maxLength: 6 })
  .map((o) => `|${o[0]}~0|+|${o[1]}~0|${o[2]}~1|+|${o[3]}~0|${o[4]}~1|${o[5]}~2|`);

/** One input line: a legal query, a legal query edited, an architecture string, or anything at all. */
function line(id: string): fc.Arbitrary<string> {
  const seed = fc.nat(1_000_000);
  return fc.oneof(
    { weight: 4, arbitrary: seed.map((s) => JSON.stringify(validQuery(id, s))) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(seed, fc.array(jsonEdit, { minLength: 1, maxLength: 3 }))
        .map(([s, edits]) => JSON.stringify(applyJsonEdits(validQuery(id, s), edits))),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(seed, fc.array(byteEdit, { minLength: 1, maxLength: 3 })).map(([s, edits]) =>
        applyByteEdits(Buffer.from(JSON.stringify(validQuery(id, s))), edits)
          .toString('utf8')
          .replaceAll('\n', ' '),
      ),
    },
    {
      weight: id === 'nb201' ? 2 : 0,
      arbitrary: fc
        .tuple(arch, fc.array(byteEdit, { maxLength: 2 }))
        .map(([a, edits]) => JSON.stringify({ config: { arch: applyByteEdits(Buffer.from(a), edits).toString('latin1') } })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '   ',
        '# a comment',
        '{}',
        '[]',
        'null',
        '{"config": null}',
        '{"config": {}, "seed": -1}',
        '{"config": {}, "seed": 1e100}',
        '{"config": "x"}',
        `{"config": {"x1": "${'9'.repeat(5000)}"}}`,
      ),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.json({ maxDepth: 3 }),
        fc.string({ maxLength: 40 }).map((s) => s.replaceAll('\n', ' ')),
      ),
    },
  );
}

/** Lines a query is read from: not blank, not a comment. */
const isQuery = (text: string): boolean => text.trim() !== '' && !text.trim().startsWith('#');

describe('jahskit eval over arbitrary lines', () => {
  beforeAll(async () => {
    for (const id of ['synthetic', 'nb201']) benchmarks.set(id, await registry.createBenchmark(id, {}, { env: {} }));
  });
  afterAll(async () => {
    for (const benchmark of benchmarks.values()) await benchmark.close?.();
  });

  // nb201 loads its table on every call (a fresh registry per command): fewer runs.
  for (const [id, runs] of [
    ['synthetic', 200],
    ['nb201', 50],
  ] as const) {
    fuzzTest(
      `--benchmark ${id}`,
      [fc.array(line(id), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()],
      runs,
      async (lines, newline, trailing) => {
        const stdin = lines.join(newline) + (trailing ? newline : '');
        const before = sandbox.snapshot();
        const outcome = await jahskit(['eval', '--benchmark', id], sandbox.root, stdin);
        expectCleanOutcome(outcome, 'eval', { success: true });
        expect(sandbox.changesOutside(before)).toEqual([]);
        const answers = outcome.out === '' ? [] : outcome.out.trimEnd().split('\n');
        for (const answer of answers)
          expect(Object.keys(JSON.parse(answer) as object)).toEqual(expect.arrayContaining(['config', 'fidelity', 'objectives', 'cost']));
        if (outcome.code === 0) {
          expect(answers).toHaveLength(lines.filter(isQuery).length);
          return;
        }
        const bad = Number(/^jahskit eval: line (\d+): /.exec(outcome.err)?.[1]);
        expect(bad, outcome.err).toBeGreaterThanOrEqual(1);
        expect(isQuery(lines[bad - 1]!), outcome.err).toBe(true);
        expect(answers).toHaveLength(lines.slice(0, bad - 1).filter(isQuery).length);
      },
    );
  }
});
