import { Rng, type SearchSpace } from '@jahskit/core';
import { jahsFidelitySpace, jahsSpace } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { JAHS_MANIFEST } from '../jahs/jahsManifest';
import { compileInputEncoder } from './compileInputEncoder';
import { compileRowCodec } from './compileRowCodec';
import { compileRowReader } from './compileRowReader';
import { loadOnnxSurrogateFolder } from './loadOnnxSurrogateFolder';
import type { SurrogateDefinition } from './createSurrogateBenchmark';
import { mixedCodecDefinition } from './rowCodecFixtures';

const nb301 = await loadOnnxSurrogateFolder(packageDataPath('nb301'), { id: 'nb301' });
const jahs: Pick<SurrogateDefinition, 'manifest' | 'space' | 'fidelitySpace' | 'conditions'> = {
  manifest: JAHS_MANIFEST,
  space: jahsSpace(),
  fidelitySpace: jahsFidelitySpace(),
  conditions: [],
};

/** Variants of a legal row that a checker may or may not accept. */
function mutations(space: SearchSpace, config: Record<string, unknown>, rng: Rng): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const names = space.parameters.map((p) => p.name);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)]!;
  const key = pick(Object.keys(config));
  const { [key]: _dropped, ...without } = config;
  out.push(without);
  out.push({ ...config, unknown_key: 1 });
  const absent = names.filter((n) => !(n in config));
  if (absent.length > 0) out.push({ ...config, [pick(absent)]: config[key] });
  // The last value is the string the codec's gathered read holds for a missing key.
  const marker = '\u0000jahskit:absent\u0000';
  for (const bad of [NaN, -1, 1e9, 0.5, '0', 'none', true, null, [], {}, undefined, marker]) out.push({ ...config, [key]: bad });
  if (absent.length > 0) out.push({ ...config, [pick(absent)]: marker });
  // Another legal value for one parameter (may deactivate or activate children: then illegal).
  const other = space.sample(rng.stream('other', 0)) as Record<string, unknown>;
  if (key in other) out.push({ ...config, [key]: other[key] });
  out.push(Object.assign(Object.create({ [key]: config[key] }) as object, without));
  out.push([] as unknown as Record<string, unknown>);
  return out;
}

describe.each([
  ['nb301', nb301],
  ['jahs', jahs],
  ['a space of every parameter and condition kind', mixedCodecDefinition()],
  // Names alike in their last 16 characters and lengths: no name hash, the codec's cursor read.
  ['the same space with names no hash separates', mixedCodecDefinition((name) => `${name}_${'z'.repeat(16)}`)],
] as const)('compileRowCodec on %s', (_, definition) => {
  const config = compileRowReader(definition.space.parameters, definition.conditions);
  const fidelity = compileRowReader(definition.fidelitySpace.parameters, []);
  const encoder = compileInputEncoder(definition.manifest.inputs, { config, fidelity }, 'mappings' in definition ? definition.mappings : undefined);
  const codec = compileRowCodec(config, fidelity, encoder)!;

  test('writes the same row as the reader and encoder for legal rows', () => {
    expect(codec).toBeDefined();
    const rng = Rng.seeded(3);
    const n = 300;
    const expected = encoder.allocate(n);
    const actual = encoder.allocate(n);
    for (let r = 0; r < n; r++) {
      const c = definition.space.sample(rng.stream('c', r));
      const f = definition.fidelitySpace.sample(rng.stream('f', r));
      expect(config.read(c)).toBeUndefined();
      expect(fidelity.read(f)).toBeUndefined();
      encoder.encode(r, expected);
      expect(codec(c, f, r, actual)).toBe(true);
    }
    expected.forEach((b, i) => expect(Array.from(actual[i]!.data as Float32Array)).toEqual(Array.from(b.data as Float32Array)));
  });

  test('never accepts a row the reader or the space rejects', () => {
    const rng = Rng.seeded(5);
    let rejected = 0;
    for (let r = 0; r < 300; r++) {
      const c = definition.space.sample(rng.stream('c', r)) as Record<string, unknown>;
      const f = definition.fidelitySpace.sample(rng.stream('f', r)) as Record<string, unknown>;
      for (const [cm, fm] of [...mutations(definition.space, c, rng).map((m) => [m, f]), ...mutations(definition.fidelitySpace, f, rng).map((m) => [c, m])]) {
        const buffers = encoder.allocate(1);
        const accepted = codec(cm, fm, 0, buffers);
        const readerAccepts =
          typeof cm === 'object' &&
          cm !== null &&
          !Array.isArray(cm) &&
          config.read(cm) === undefined &&
          typeof fm === 'object' &&
          fm !== null &&
          fidelity.read(fm) === undefined;
        let spaceAccepts = true;
        try {
          definition.space.validate(cm);
          definition.fidelitySpace.validate(fm);
        } catch {
          spaceAccepts = false;
        }
        if (accepted) {
          expect(readerAccepts).toBe(true);
          expect(spaceAccepts).toBe(true);
        } else rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1000);
  });

  test('reads a configuration whose keys come in any order, and rejects an unknown key wherever it is', () => {
    const rng = Rng.seeded(9);
    const n = 50;
    const expected = encoder.allocate(n);
    const actual = encoder.allocate(n);
    for (let r = 0; r < n; r++) {
      const c = definition.space.sample(rng.stream('c', r)) as Record<string, unknown>;
      const f = definition.fidelitySpace.sample(rng.stream('f', r));
      const entries = Object.entries(c);
      const shuffled = entries.map((e) => [rng.uniform(), e] as const).sort((a, b) => a[0] - b[0]);
      const reordered = Object.fromEntries(shuffled.map(([, e]) => e));
      expect(config.read(reordered)).toBeUndefined();
      expect(fidelity.read(f)).toBeUndefined();
      encoder.encode(r, expected);
      expect(codec(reordered, f, r, actual)).toBe(true);
      const at = Math.floor(rng.uniform() * (entries.length + 1));
      const withUnknown = Object.fromEntries([...entries.slice(0, at), ['unknown_key', entries[0]![1]], ...entries.slice(at)]);
      expect(codec(withUnknown, f, r, encoder.allocate(n))).toBe(false);
    }
    expected.forEach((b, i) => expect(Array.from(actual[i]!.data as Float32Array)).toEqual(Array.from(b.data as Float32Array)));
  });

  test('a getter that checks another row in the middle of a check does not mix the two rows', () => {
    const rng = Rng.seeded(11);
    const f = definition.fidelitySpace.sample(rng.stream('f', 0));
    const inner = definition.space.sample(rng.stream('inner', 0)) as Record<string, unknown>;
    for (let r = 0; r < 20; r++) {
      const outer = { ...(definition.space.sample(rng.stream('outer', r)) as Record<string, unknown>) };
      // An illegal value on the first key, then a getter on the last one that checks a legal row:
      // the outer row must still be rejected, whatever the inner check left behind.
      const keys = Object.keys(outer);
      outer[keys[0]!] = 'not a legal value';
      const last = keys[keys.length - 1]!;
      const value = outer[last];
      let innerAccepted: boolean | undefined;
      Object.defineProperty(outer, last, {
        enumerable: true,
        get: () => {
          innerAccepted = codec(inner, f, 0, encoder.allocate(1));
          return value;
        },
      });
      expect(codec(outer, f, 0, encoder.allocate(1))).toBe(false);
      expect(innerAccepted).toBeDefined();
      expect(codec(inner, f, 0, encoder.allocate(1))).toBe(true);
    }
  });
});
