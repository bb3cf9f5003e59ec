import { test, expect } from 'vitest';
import fc from 'fast-check';
import { hypervolume } from '/work/main/packages/multiobjective/src/indicators/hypervolume';
import { bruteHypervolume, intPoints, realPoints, relClose, bruteRanks } from '/work/main/packages/multiobjective/src/testing/oracleFixtures';
import { nonDominatedSort } from '/work/main/packages/multiobjective/src/sorting/nonDominatedSort';
import { nonDominatedSortGeneral } from '/work/main/packages/multiobjective/src/sorting/nonDominatedSortGeneral';
test('hv', () => {
  for (const d of [2, 3, 4, 5, 6]) {
    fc.assert(fc.property(intPoints(d, d >= 5 ? 8 : 15), (p) => {
      const ref = new Array(d).fill(5);
      const a = hypervolume(p, d, ref), b = bruteHypervolume(p, d, ref);
      if (!relClose(a, b, 1e-12)) throw new Error(`d=${d} ${a} ${b}`);
    }), { numRuns: 300 });
    fc.assert(fc.property(realPoints(d, d >= 5 ? 8 : 15), (p) => {
      const ref = new Array(d).fill(1);
      const a = hypervolume(p, d, ref), b = bruteHypervolume(p, d, ref);
      if (!relClose(a, b, 1e-10)) throw new Error(`d=${d} ${a} ${b}`);
    }), { numRuns: 300 });
  }
});
test('nds', () => {
  for (const d of [1, 2, 3, 4, 5]) {
    fc.assert(fc.property(intPoints(d, 30, 3), (p) => {
      expect(Array.from(nonDominatedSort(p, d))).toEqual(Array.from(bruteRanks(p, d)));
      if (d >= 2) expect(Array.from(nonDominatedSortGeneral(p, p.length / d, d))).toEqual(Array.from(bruteRanks(p, d)));
    }), { numRuns: 300 });
  }
});
import { hypervolumeContributions } from '/work/main/packages/multiobjective/src/indicators/hypervolumeContributions';
test('hvc', () => {
  for (const d of [1, 2, 3, 4, 5]) {
    fc.assert(fc.property(intPoints(d, d >= 5 ? 7 : 12, 4), (p) => {
      const ref = new Array(d).fill(4);
      const c = hypervolumeContributions(p, d, ref);
      const all = bruteHypervolume(p, d, ref);
      const n = p.length / d;
      for (let i = 0; i < n; i++) {
        const rest = Float64Array.from([...p.slice(0, i * d), ...p.slice(i * d + d)]);
        const e = all - bruteHypervolume(rest, d, ref);
        if (!relClose(c[i]!, e, 1e-12)) throw new Error(`d=${d} i=${i} ${c[i]} ${e}`);
      }
    }), { numRuns: 200 });
  }
});
