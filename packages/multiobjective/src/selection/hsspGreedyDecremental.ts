import { hypervolumeContributions } from '../indicators/hypervolumeContributions';
import { MinHeap } from '../internal/MinHeap';
import { checkPoints, checkReference } from '../internal/validate';
import { frontsFromRanks } from '../sorting/frontsFromRanks';
import { nonDominatedSort } from '../sorting/nonDominatedSort';
import { checkSubsetSize } from './checkSubsetSize';
import { LiveSet } from './liveSet';
import { thinFront3d } from './thinFront3d';

/**
 * Hypervolume subset selection by greedy removal, as SMS-EMOA does it: whole fronts are
 * dropped from the worst upwards while that leaves at least k points; in the front that must be
 * thinned, the point with the least exclusive contribution (computed within that front) is
 * removed repeatedly. Dominated points therefore always go before non-dominated ones.
 *
 * Contributions only grow when points are removed, so stale values are lower bounds and are
 * re-evaluated lazily when they reach the top of a min-heap. Ties remove the lower index first;
 * points outside the reference contribute 0 and go first. Returns the k kept row indices,
 * ascending. In 3-D (thinFront3d) each re-evaluated contribution also records the points it
 * depends on, so it stays exact until one of those is removed, and a re-evaluation walks a k-d
 * tree instead of scanning every live point. Typical cost: one contributions pass plus
 * a short tree walk plus a sweep over the support per re-evaluation (3-D), O(m) otherwise.
 */
export function hsspGreedyDecremental(points: Float64Array, d: number, reference: ArrayLike<number>, k: number): Int32Array {
  const n = checkPoints(points, d);
  const ref = checkReference(reference, d);
  checkSubsetSize(k, n);
  const alive = new Uint8Array(n).fill(1);
  let excess = n - k;
  if (excess > 0) {
    const fronts = frontsFromRanks(nonDominatedSort(points, d));
    for (let f = fronts.length - 1; f >= 0 && excess > 0; f--) {
      const front = fronts[f]!;
      if (front.length <= excess) {
        for (const i of front) alive[i] = 0;
        excess -= front.length;
      } else {
        for (const i of thinFront(points, d, ref, front, excess)) alive[i] = 0;
        excess = 0;
      }
    }
  }
  const out = new Int32Array(k);
  for (let i = 0, c = 0; i < n; i++) if (alive[i]) out[c++] = i;
  return out;
}

/** Removes `count` rows from one front greedily; returns the removed rows. */
function thinFront(points: Float64Array, d: number, ref: Float64Array, front: number[], count: number): number[] {
  const m = front.length;
  const data = new Float64Array(m * d);
  for (let t = 0; t < m; t++) for (let j = 0; j < d; j++) data[t * d + j] = points[front[t]! * d + j]!;
  if (d === 3) return Array.from(thinFront3d(data, m, ref, count), (t) => front[t]!);
  const contrib = hypervolumeContributions(data, d, ref);
  const removed: number[] = [];
  const heap = new MinHeap(m);
  const insideRows: number[] = [];
  for (let t = 0; t < m; t++) {
    let inside = true;
    for (let j = 0; j < d; j++) if (!(data[t * d + j]! < ref[j]!)) inside = false;
    if (!inside) {
      // No box, no effect on anyone: cheapest to drop first.
      heap.push(-1, t, 0);
      continue;
    }
    insideRows.push(t);
    heap.push(contrib[t]!, t, 0);
  }
  const live = new LiveSet(data, m, d, ref);
  live.fill(insideRows);
  let step = 0;
  while (removed.length < count) {
    const t = heap.topId();
    const key = heap.topKey();
    if (key < 0 || heap.topStamp() === step) {
      heap.pop();
      removed.push(front[t]!);
      if (key >= 0) {
        live.remove(t);
        step++;
      }
      continue;
    }
    heap.pop();
    heap.push(live.exclusive(t), t, step);
  }
  return removed;
}
