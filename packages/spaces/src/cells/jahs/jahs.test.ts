import { Rng } from '@jahskit/core';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { nb201ArchString } from '../nb201/nb201ArchString';
import { nb201Space } from '../nb201/nb201Space';
import { jahsToNb201, nb201ToJahs } from './jahsNb201';
import { JAHS_HPO_FIXED, JAHS_NAS_FIXED, jahsHpoOnly, jahsNasOnly } from './jahsRestrictions';
import { JAHS_OPS, jahsFidelitySpace, jahsSpace } from './jahsSpace';

const DIR = '/work/shared/data/jahs-cifar10-thesis/';
type Entry = { type: string; choices?: unknown[]; sequence?: unknown[]; lower?: number; upper?: number; log?: boolean; default: unknown };
const FILE = JSON.parse(readFileSync(`${DIR}search_space.json`, 'utf8')) as {
  hyperparameters: Record<string, Entry>;
  op_index_meaning: Record<string, { nb201: string }>;
  fidelities: string[];
};

describe('JAHS-Bench-201', () => {
  test('the spaces match search_space.json names, values and defaults', () => {
    const space = jahsSpace();
    const fidelity = jahsFidelitySpace();
    expect([...space.names, ...fidelity.names].sort()).toEqual(Object.keys(FILE.hyperparameters).sort());
    expect(fidelity.names).toEqual(FILE.fidelities);
    for (const s of [space, fidelity]) {
      for (const spec of s.parameters) {
        const entry = FILE.hyperparameters[spec.name] as Entry;
        // Fidelities default to full training (the highest value), whatever the file says.
        if (s === fidelity && spec.type === 'ordinal') expect(spec.default).toBe(spec.sequence[spec.sequence.length - 1]);
        else if (s === fidelity && spec.type === 'integer') expect(spec.default).toBe(spec.upper);
        else expect(spec.default).toBe(entry.default);
        if (spec.type === 'categorical') expect(spec.choices).toEqual(entry.choices);
        if (spec.type === 'constant') expect([spec.value]).toEqual(entry.choices);
        if (spec.type === 'ordinal') expect(spec.sequence).toEqual(entry.sequence);
        if (spec.type === 'float' || spec.type === 'integer') {
          expect([spec.lower, spec.upper]).toEqual([entry.lower, entry.upper]);
          expect(spec.log).toBe(entry.log ?? false);
        }
      }
    }
    JAHS_OPS.forEach((op, code) => expect(FILE.op_index_meaning[String(code)]?.nb201).toBe(op));
  });

  test('the surrogate examples validate', () => {
    const examples = JSON.parse(readFileSync(`${DIR}examples.json`, 'utf8')) as unknown;
    const list = (Array.isArray(examples) ? examples : (examples as { examples: unknown[] }).examples) as Record<string, unknown>[];
    const space = jahsSpace();
    const fidelity = jahsFidelitySpace();
    for (const e of list) {
      const raw = (e['config'] ?? e['input'] ?? e) as Record<string, unknown>;
      const config = Object.fromEntries(space.names.filter((n) => n in raw).map((n) => [n, raw[n]]));
      const fid = Object.fromEntries(fidelity.names.filter((n) => n in raw).map((n) => [n, raw[n]]));
      expect(() => space.validate(config)).not.toThrow();
      expect(() => fidelity.validate(fid)).not.toThrow();
    }
  });

  test('NAS-only and HPO-only spaces fix the documented values', () => {
    const rng = Rng.seeded(2);
    const nas = jahsNasOnly();
    const hpo = jahsHpoOnly();
    for (let i = 0; i < 50; i++) {
      const a = nas.sample(rng);
      expect(a).toMatchObject(JAHS_NAS_FIXED);
      expect(jahsSpace().validate(a)).toEqual(a);
      const b = hpo.sample(rng);
      expect(b).toMatchObject(JAHS_HPO_FIXED);
    }
  });

  test('JAHS cells convert to NB201 cells and back', () => {
    for (const c of jahsSpace().sampleMany(Rng.seeded(4), 100)) {
      const cell = jahsToNb201(c);
      expect(nb201Space().validate(cell)).toEqual(cell);
      expect(nb201ToJahs(cell)).toEqual(Object.fromEntries(['Op1', 'Op2', 'Op3', 'Op4', 'Op5', 'Op6'].map((n) => [n, c[n]])));
    }
    // Op1 is edge 1->2 (NB201 0->1), Op3 is 1->4 (NB201 0->3), Op4 is 2->3 (NB201 1->2).
    const cell = jahsToNb201({ Op1: 2, Op2: 1, Op3: 3, Op4: 0, Op5: 4, Op6: 1 });
    expect(nb201ArchString(cell)).toBe('|nor_conv_3x3~0|+|none~0|skip_connect~1|+|nor_conv_1x1~0|avg_pool_3x3~1|none~2|');
  });
});
