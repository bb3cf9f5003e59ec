import { cpSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createRegistry, describeOptions, type OptionDescription } from '@jahskit/core';
import { describe, expect } from 'vitest';
import { defaultModules } from '../defaultModules';
import { expectCleanOutcome, fuzzTest, jahskit, jsonEditValue, Sandbox } from './fuzzFixtures';

/**
 * `--optimizer-options` and `--benchmark-options`: JSON objects whose keys are mostly the plugin's own
 * options (read from its schema, so a new option is fuzzed at once) with values near their defaults,
 * at the edges of their ranges, or of another type altogether. Valid objects run a short study, whose
 * files must stay in the output folder; invalid ones fail as one line naming the option.
 */
const registry = createRegistry(defaultModules());
const sandbox = new Sandbox('jahskit-fuzz-options-');
sandbox.input('points.txt', '1 2\n');
cpSync(new URL('../../../benchmarks/src/nashpobench2/fixtures', import.meta.url), join(sandbox.root, 'in', 'nashpobench2'), {
  recursive: true,
  filter: (path) => !path.includes('.jahskit-cache'),
});

/**
 * Folders for options naming one (dataDir, cacheDir, dir), all inside the sandbox and absolute: a plugin
 * reads such a path as given, and a fuzzed cache folder must not land in the checkout or at the root.
 */
const folders = ['in/nashpobench2', 'out/cache', 'in/missing', 'in/points.txt', 'in', 'out'].map((p) => join(sandbox.root, p));

function valueFor(option: OptionDescription): fc.Arbitrary<unknown> {
  if (/dir$/i.test(option.name)) return fc.oneof(fc.constantFrom<unknown>(...folders, '', 1, null, []));
  const near: unknown[] = [];
  const d = option.default;
  if (typeof d === 'number') near.push(d, 0, -d, d * 10, d + 0.5, d - 1, Math.floor(d / 2), 2 ** 31, 1e9);
  if (typeof d === 'string') near.push(d, d.toUpperCase(), `${d} `);
  if (Array.isArray(d)) near.push(d, [], [...d, ...d], d.slice(0, 1), [d]);
  if (typeof d === 'boolean') near.push(!d, 'true', 0);
  const enumValues = [...option.type.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  if (enumValues.length > 0) near.push(...enumValues, enumValues);
  return near.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...near) }, { weight: 1, arbitrary: jsonEditValue }) : jsonEditValue;
}

/** An options object as text: mostly the plugin's own keys, sometimes unknown keys or not an object at all. */
function optionsText(options: readonly OptionDescription[]): fc.Arbitrary<string> {
  const own =
    options.length === 0
      ? fc.constant({})
      : fc
          .subarray([...options], { minLength: 1 })
          .chain((chosen) => fc.tuple(...chosen.map(valueFor)).map((values) => Object.fromEntries(chosen.map((o, i) => [o.name, values[i]]))));
  return fc.oneof(
    { weight: 8, arbitrary: own.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), jsonEditValue, { maxKeys: 3 }).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
  );
}

let runNumber = 0;

describe('JSON options fail cleanly or run inside the output folder', () => {
  for (const descriptor of registry.list('optimizer')) {
    const multi = descriptor.capabilities.objectives === 'multi';
    fuzzTest(`run --optimizer ${descriptor.id} --optimizer-options`, [optionsText(describeOptions(descriptor.options))], 10, async (options) => {
      const argv = [
        'run',
        '--benchmark',
        'synthetic',
        '--benchmark-options',
        JSON.stringify({ instance: multi ? 'zdt1' : 'branin', maxEpoch: 9 }),
        '--optimizer',
        descriptor.id,
        '--budget',
        '6',
        '--quiet',
        '--out',
        `out/${runNumber++}`,
        '--optimizer-options',
        options,
      ];
      const before = sandbox.snapshot();
      const outcome = await jahskit(argv, sandbox.root);
      expectCleanOutcome(outcome, 'run', { success: true, maxMs: 5000 });
      expect(sandbox.changesOutside(before)).toEqual([]);
    });
  }

  for (const descriptor of registry.list('benchmark')) {
    fuzzTest(`eval --benchmark ${descriptor.id} --benchmark-options`, [optionsText(describeOptions(descriptor.options))], 15, async (options) => {
      const before = sandbox.snapshot();
      const outcome = await jahskit(['eval', '--benchmark', descriptor.id, '--benchmark-options', options], sandbox.root, '');
      expectCleanOutcome(outcome, 'eval', { success: true, maxMs: 5000 });
      // The one documented write: nashpobench2's converted tables, in cacheDir (default: beside the data).
      expect(sandbox.changesOutside(before, (path) => path.includes('.jahskit-cache') || /nashpobench2-[0-9a-f]{16}\.(json|bin)$/.test(path))).toEqual([]);
    });
  }
});
