import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createRegistry } from '@jahskit/core';
import { beforeAll, describe, expect } from 'vitest';
import { defaultModules } from '../defaultModules';
import { applyByteEdits, byteEdit, expectCleanOutcome, fuzzTest, jahskit, Sandbox } from './fuzzFixtures';

/**
 * The NAS-HPO-Bench-II pickles are downloaded from a third party and parsed, never executed: a copy of
 * the fixture folder with one of its three pickles edited. `jahskit eval` loads it (converting it into
 * the cache in the output folder) and answers a query, or fails in one line naming the file; the data
 * folder itself is never written.
 */
const sandbox = new Sandbox('jahskit-fuzz-pickles-');
const data = join(sandbox.root, 'in', 'nashpobench2');
const FILES = ['bench12.pkl', 'cellinfo.pkl', 'avgaccs200.pkl'] as const;
const originals = new Map<string, Buffer>();
/** A query the intact data answers: the space's default configuration. */
let query: string;

let k = 0;

describe('nashpobench2 data with an edited pickle', () => {
  beforeAll(async () => {
    cpSync(new URL('../../../benchmarks/src/nashpobench2/fixtures', import.meta.url), data, {
      recursive: true,
      filter: (path) => !path.includes('.jahskit-cache'),
    });
    for (const name of FILES) originals.set(name, readFileSync(join(data, name)));
    const benchmark = await createRegistry(defaultModules()).createBenchmark(
      'nashpobench2',
      { dataDir: data, cacheDir: join(sandbox.out, 'cache') },
      { env: {} },
    );
    query = `${JSON.stringify({ config: benchmark.space.defaultConfiguration() })}\n`;
    await benchmark.close?.();
  });

  fuzzTest(
    'loads, or fails in one line naming the file, and writes only its cache',
    [fc.constantFrom(...FILES), fc.array(byteEdit, { minLength: 1, maxLength: 4 })],
    30,
    async (name, edits) => {
      for (const file of FILES) writeFileSync(join(data, file), file === name ? applyByteEdits(originals.get(file)!, edits) : originals.get(file)!);
      const options = { dataDir: data, cacheDir: join(sandbox.out, `cache${k++}`) };
      const before = sandbox.snapshot();
      const outcome = await jahskit(['eval', '--benchmark', 'nashpobench2', '--benchmark-options', JSON.stringify(options)], sandbox.root, query);
      expectCleanOutcome(outcome, 'eval', { success: true, maxMs: 10_000 });
      expect(sandbox.changesOutside(before)).toEqual([]);
    },
  );
});
