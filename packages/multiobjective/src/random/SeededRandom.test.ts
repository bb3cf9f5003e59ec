import { describe, expect, test } from 'vitest';
import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { SeededRandom } from './SeededRandom';

describe('SeededRandom', () => {
  test('same seed gives the same stream, different seeds differ', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const sa = Array.from({ length: 20 }, () => a.nextFloat());
    const sb = Array.from({ length: 20 }, () => b.nextFloat());
    const sc = Array.from({ length: 20 }, () => c.nextFloat());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });
  test('uniform and normal moments are plausible', () => {
    const r = new SeededRandom(7);
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.nextFloat();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      s += u;
    }
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.01);
    s = 0;
    for (let i = 0; i < n; i++) {
      const z = r.nextNormal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });
  test('rejects a non-finite seed', () => {
    expect(() => new SeededRandom(NaN)).toThrow(MultiObjectiveError);
  });
});
