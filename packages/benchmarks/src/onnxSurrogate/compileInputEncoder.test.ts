import { Rng } from '@jahskit/core';
import { jahsFidelitySpace, jahsSpace } from '@jahskit/spaces';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { packageDataPath } from '../internal/packageDataPath';
import { JAHS_MANIFEST } from '../jahs/jahsManifest';
import { compileInputEncoder } from './compileInputEncoder';
import { compileRowCodec } from './compileRowCodec';
import { compileRowReader } from './compileRowReader';
import { loadOnnxSurrogateFolder } from './loadOnnxSurrogateFolder';

const nb301 = await loadOnnxSurrogateFolder(packageDataPath('nb301'), { id: 'nb301' });

test('only an encoder without one-hot columns claims to write whole rows', () => {
  const jahs = compileInputEncoder(JAHS_MANIFEST.inputs, {
    config: compileRowReader(jahsSpace().parameters, []),
    fidelity: compileRowReader(jahsFidelitySpace().parameters, []),
  });
  expect(jahs.writesWholeRows).toBe(false);
  const config = compileRowReader(nb301.space.parameters, nb301.conditions);
  const fidelity = compileRowReader(nb301.fidelitySpace.parameters, []);
  expect(compileInputEncoder(nb301.manifest.inputs, { config, fidelity }, nb301.mappings).writesWholeRows).toBe(true);
});

test('an encoder that writes whole rows (and its codec) leaves nothing of what a reused buffer held', () => {
  const config = compileRowReader(nb301.space.parameters, nb301.conditions);
  const fidelity = compileRowReader(nb301.fidelitySpace.parameters, []);
  const encoder = compileInputEncoder(nb301.manifest.inputs, { config, fidelity }, nb301.mappings);
  const codec = compileRowCodec(config, fidelity, encoder)!;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double(), (seed, garbage) => {
      const rng = Rng.seeded(seed);
      const c = nb301.space.sample(rng.stream('c', 0));
      const f = nb301.fidelitySpace.sample(rng.stream('f', 0));
      const fresh = encoder.allocate(1);
      const [reused, coded] = [encoder.allocate(1), encoder.allocate(1)];
      for (const b of [...reused, ...coded]) (b.data as Float32Array).fill(garbage);
      expect(config.read(c)).toBeUndefined();
      expect(fidelity.read(f)).toBeUndefined();
      encoder.encode(0, fresh);
      encoder.encode(0, reused);
      expect(codec(c, f, 0, coded)).toBe(true);
      fresh.forEach((b, i) => {
        expect(Array.from(reused[i]!.data as Float32Array)).toEqual(Array.from(b.data as Float32Array));
        expect(Array.from(coded[i]!.data as Float32Array)).toEqual(Array.from(b.data as Float32Array));
      });
    }),
    { numRuns: 200 },
  );
});
