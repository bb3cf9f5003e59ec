import { describe, expect, test } from 'vitest';
import { dartsSpace, nb301ConfigSpace } from './darts/dartsSpace';
import { jahsHpoOnly, jahsNasOnly } from './jahs/jahsRestrictions';
import { JAHS_OP_NAMES, jahsSpace } from './jahs/jahsSpace';
import { NASHPOBENCH2_EDGE_NAMES, nashpobench2Space } from './nashpobench2/nashpobench2Space';
import { nb201Space } from './nb201/nb201Space';

/** The cell spaces say which parameters are the architecture (`spec.role`), so nothing has to guess from names. */
describe('roles of the cell spaces', () => {
  const architecture = (names: readonly string[]) => (name: string) => (names.includes(name) ? 'architecture' : 'hyperparameter');

  test.each([
    ['nb201', nb201Space(), () => 'architecture'],
    ['darts', dartsSpace(), () => 'architecture'],
    ['jahs', jahsSpace(), architecture(JAHS_OP_NAMES)],
    ['jahs (NAS only)', jahsNasOnly(), architecture(JAHS_OP_NAMES)],
    ['jahs (HPO only)', jahsHpoOnly(), architecture(JAHS_OP_NAMES)],
    ['nashpobench2', nashpobench2Space(), architecture(NASHPOBENCH2_EDGE_NAMES)],
  ] as const)('%s', (_name, space, expected) => {
    for (const spec of space.parameters) expect([spec.name, spec.role]).toEqual([spec.name, expected(spec.name)]);
  });

  test('the NB301 space that mirrors the ConfigSpace JSON carries no roles (the format has none)', () => {
    for (const spec of nb301ConfigSpace().parameters) expect(spec.role).toBeUndefined();
  });
});
