import { Rng } from '@jahskit/core';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SpaceError } from '../../errors/SpaceError';
import { nb201ArchString, parseNb201ArchString } from './nb201ArchString';
import { nb201IsConnected, nb201IsomorphismHash } from './nb201IsomorphismHash';
import { nb201FromIndex, nb201FromOpIndices, nb201Index, nb201OpIndices } from './nb201OpIndices';
import { NB201_EDGE_NAMES, nb201Space } from './nb201Space';

const codes = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 });

describe('NAS-Bench-201 cells', () => {
  test('the space: six edges, five ops, vector entry = official op code', () => {
    const space = nb201Space();
    expect(space.names).toEqual([...NB201_EDGE_NAMES]);
    fc.assert(
      fc.property(codes, (ops) => {
        const config = nb201FromOpIndices(ops);
        expect(space.validate(config)).toEqual(config);
        expect(Array.from(space.encode(config))).toEqual(ops);
        expect(nb201OpIndices(config)).toEqual(ops);
        expect(nb201FromIndex(nb201Index(config))).toEqual(config);
        expect(parseNb201ArchString(nb201ArchString(config))).toEqual(config);
      }),
      { numRuns: 200 },
    );
  });

  test('arch strings and op indices agree with the NB201 table', () => {
    const rows = readFileSync('/work/shared/data/nb201/nb201.csv', 'utf8').split('\n').slice(1, 200);
    for (const row of rows) {
      const [, arch, opIndices] = row.split(',');
      const config = parseNb201ArchString(arch as string);
      expect(nb201ArchString(config)).toBe(arch);
      expect(nb201OpIndices(config).join('')).toBe(opIndices);
      expect(nb201Index(config)).toBe(Number.parseInt(opIndices as string, 5));
    }
  });

  test('the example from the brief', () => {
    const config = nb201FromOpIndices([0, 0, 1, 0, 1, 2]);
    expect(nb201ArchString(config)).toBe('|none~0|+|none~0|skip_connect~1|+|none~0|skip_connect~1|nor_conv_1x1~2|');
  });

  test('bad arch strings give typed errors naming the problem and the ops', () => {
    const bad = (s: string, parameter: string, fragment: string) => {
      try {
        parseNb201ArchString(s);
        expect.unreachable();
      } catch (e) {
        expect(SpaceError.is(e)).toBe(true);
        expect((e as SpaceError).parameter).toBe(parameter);
        expect((e as SpaceError).message).toContain(fragment);
        expect((e as SpaceError).message).toContain('avg_pool_3x3');
      }
    };
    bad('|conv9x9~0|+|none~0|none~1|+|none~0|none~1|none~2|', 'op_0_1', '"conv9x9"');
    bad('|none~0|+|none~0|none~1|', 'arch', '2 node groups');
    bad('|none~0|+|none~1|none~0|+|none~0|none~1|none~2|', 'op_0_2', 'must read "op~0"');
    bad('|none~0|+|none~0|+|none~0|none~1|none~2|', 'arch', 'node 2 has 1 inputs');
  });

  test('the isomorphism hash has exactly 6,466 classes over all 15,625 cells', () => {
    const hashes = new Set<string>();
    let disconnected = 0;
    for (let i = 0; i < 15625; i++) {
      const ops = nb201OpIndices(nb201FromIndex(i));
      hashes.add(nb201IsomorphismHash(ops));
      if (!nb201IsConnected(ops)) disconnected++;
    }
    expect(hashes.size).toBe(6466);
    expect(disconnected).toBe(341);
  });

  test('isomorphic cells share a hash', () => {
    // Edge 1->2 and 1->3 are dead when 0->1 is none; their ops do not matter.
    expect(nb201IsomorphismHash([0, 3, 2, 3, 4, 3])).toBe(nb201IsomorphismHash([0, 3, 4, 3, 2, 3]));
    // A skip_connect is the identity: 0 -skip-> 1 -conv-> 3 is the same as 0 -conv-> 3.
    expect(nb201IsomorphismHash([1, 0, 0, 0, 3, 0])).toBe(nb201IsomorphismHash([0, 0, 0, 3, 0, 0]));
    // Different operations differ.
    expect(nb201IsomorphismHash([3, 3, 3, 3, 3, 3])).not.toBe(nb201IsomorphismHash([2, 3, 3, 3, 3, 3]));
    const space = nb201Space();
    const c = space.sample(Rng.seeded(1));
    expect(nb201IsomorphismHash(c)).toBe(nb201IsomorphismHash(nb201OpIndices(c)));
  });
});
