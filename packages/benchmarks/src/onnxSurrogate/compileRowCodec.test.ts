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
  for (const bad of [NaN, -1, 1e9, 0.5, '0', 'none', true, null, [], {}, undefined]) out.push({ ...config, [key]: bad });
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
});
