import { Rng } from '@jahskit/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SpaceError } from '../../errors/SpaceError';
import { nashpobench2CellCode, parseNashpobench2CellCode } from './nashpobench2CellCode';
import {
  nashpobench2CellCodes,
  nashpobench2CellIndex,
  nashpobench2FlatIndex,
  nashpobench2FromFlatIndex,
  nashpobench2FromKey,
  nashpobench2Key,
} from './nashpobench2Index';
import { nashpobench2Space } from './nashpobench2Space';

describe('NAS-HPO-Bench-II', () => {
  test('cellcodes are sorted ascending as strings and indexed in that order', () => {
    const codes = nashpobench2CellCodes();
    expect(codes.length).toBe(4096);
    expect([...codes].sort()).toEqual(codes);
    expect(codes[0]).toBe('0|00|000');
    expect(codes[4095]).toBe('3|33|333');
    codes.forEach((code, i) => expect(nashpobench2CellIndex(code)).toBe(i));
  });

  test('flat index = cellIdx * 48 + lrIdx * 6 + bsIdx, and back', () => {
    const space = nashpobench2Space();
    expect(nashpobench2FlatIndex({ ...parseNashpobench2CellCode('0|00|001'), lr: 0.00625, batch_size: 64 })).toBe(1 * 48 + 1 * 6 + 2);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 196_607 }), (index) => {
        const config = nashpobench2FromFlatIndex(index);
        expect(space.validate(config)).toEqual(config);
        expect(nashpobench2FlatIndex(config)).toBe(index);
        expect(nashpobench2FromKey(nashpobench2Key(config))).toEqual(config);
      }),
      { numRuns: 300 },
    );
  });

  test('sampled configurations have cellcodes that parse back', () => {
    for (const c of nashpobench2Space().sampleMany(Rng.seeded(9), 100)) {
      const code = nashpobench2CellCode(c);
      expect(code).toMatch(/^[0-3]\|[0-3]{2}\|[0-3]{3}$/);
      expect({ ...c, ...parseNashpobench2CellCode(code) }).toEqual(c);
    }
  });

  test('bad cellcodes and keys are typed errors', () => {
    expect(() => parseNashpobench2CellCode('0|00|004')).toThrow(SpaceError);
    expect(() => parseNashpobench2CellCode('000000')).toThrow(/not a cellcode; allowed: strings "A\|BC\|DEF"/);
    expect(() => nashpobench2FromKey({ cellcode: '0|00|000', lr: 0.3, batchSize: 16 })).toThrow(/parameter "lr"/);
  });
});
