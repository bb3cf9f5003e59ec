import { Rng } from '@jahskit/core';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readConfigSpaceJson } from '../../serialization/readConfigSpaceJson';
import { writeConfigSpaceJson } from '../../serialization/writeConfigSpaceJson';
import { dartsEdgeName, dartsInputsName, dartsSpace, nb301ConfigSpace, nb301FidelitySpace } from './dartsSpace';
import { joinNb301Configuration, splitNb301Configuration } from './splitNb301Configuration';

const FILE = readFileSync(new URL('../../serialization/fixtures/nb301_config_space_v2.json', import.meta.url), 'utf8');

describe('DARTS / NB301', () => {
  test('nb301ConfigSpace() is exactly the bundled ConfigSpace JSON', () => {
    const fromFile = readConfigSpaceJson(FILE);
    const built = nb301ConfigSpace();
    expect(built.parameters).toEqual(fromFile.parameters);
    expect(built.conditions).toEqual(fromFile.conditions);
    // preserve: false: the file's own keys (`"probabilities": null`, ...) are written back only for the space read from it.
    expect(writeConfigSpaceJson(built)).toEqual(writeConfigSpaceJson(fromFile, { preserve: false }));
  });

  test('dartsSpace() drops the fidelity; split/join round-trip', () => {
    const full = nb301ConfigSpace();
    const arch = dartsSpace();
    expect(arch.names.length).toBe(34);
    expect(arch.has('epoch')).toBe(false);
    expect(arch.conditions.length).toBe(24);
    const rng = Rng.seeded(3);
    for (let i = 0; i < 100; i++) {
      const c = full.sample(rng);
      const { config, fidelity } = splitNb301Configuration(c);
      expect(arch.validate(config)).toEqual(config);
      expect(nb301FidelitySpace().validate(fidelity)).toEqual(fidelity);
      expect(full.validate(joinNb301Configuration(config, fidelity))).toEqual(c);
    }
  });

  test('exactly the two edges named by inputs_node are active', () => {
    const space = dartsSpace();
    const rng = Rng.seeded(5);
    for (let i = 0; i < 200; i++) {
      const c = space.sample(rng);
      for (const cell of ['normal', 'reduce'] as const) {
        const pair = (c[dartsInputsName(cell, 5)] as string).split('_').map(Number);
        const active = [9, 10, 11, 12, 13].filter((e) => dartsEdgeName(cell, e) in c).map((e) => e - 9);
        expect(active).toEqual(pair);
      }
    }
  });

  test('the NB301 examples validate', () => {
    const examples = JSON.parse(readFileSync('/work/shared/data/nb301-yahpo/examples.json', 'utf8')) as { config: Record<string, unknown> }[];
    const full = nb301ConfigSpace();
    for (const e of examples) expect(() => full.validate(e.config)).not.toThrow();
  });
});
