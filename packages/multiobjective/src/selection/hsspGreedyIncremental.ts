import { MinHeap } from '../internal/MinHeap';
import { checkPoints, checkReference } from '../internal/validate';
import { frontsFromRanks } from '../sorting/frontsFromRanks';
import { nonDominatedSort } from '../sorting/nonDominatedSort';
import { checkSubsetSize } from './checkSubsetSize';
import { LiveSet } from './liveSet';

/**
 * Hypervolume subset selection by greedy addition: repeatedly add the point with the largest
 * marginal gain HV(S ∪ {p}) - HV(S), taking non-dominated points first (then the next front,
 * with gains measured within that front, and so on), which gives the usual (1 - 1/e)
 * guarantee on the first front. Gains only shrink as S grows (submodularity), so stale gains are
 * upper bounds and are re-evaluated lazily from a max-heap. Ties pick the lower index. Returns
 * the k selected row indices, ascending.
 */
export function hsspGreedyIncremental(points: Float64Array, d: number, reference: ArrayLike<number>, k: number): Int32Array {
  const n = checkPoints(points, d);
  const ref = checkReference(reference, d);
  checkSubsetSize(k, n);
  const chosen: number[] = [];
  const fronts = frontsFromRanks(nonDominatedSort(points, d));
  for (const front of fronts) {
    const need = k - chosen.length;
    if (need <= 0) break;
    if (front.length <= need) {
      chosen.push(...front);
      continue;
    }
    chosen.push(...growFront(points, d, ref, front, need));
  }
  return Int32Array.from(chosen).sort();
}

function growFront(points: Float64Array, d: number, ref: Float64Array, front: number[], count: number): number[] {
  const m = front.length;
  const data = new Float64Array(m * d);
  for (let t = 0; t < m; t++) for (let j = 0; j < d; j++) data[t * d + j] = points[front[t]! * d + j]!;
  // A max-heap as a min-heap of negated gains; the initial bound is the point's own box.
  const heap = new MinHeap(m);
  for (let t = 0; t < m; t++) {
    let box = 1;
    for (let j = 0; j < d; j++) box *= Math.max(0, ref[j]! - data[t * d + j]!);
    heap.push(-box, t, 0);
  }
  const live = new LiveSet(data, m, d, ref);
  const picked: number[] = [];
  let step = 0;
  while (picked.length < count) {
    const t = heap.topId();
    if (heap.topStamp() === step) {
      heap.pop();
      picked.push(front[t]!);
      if (isInside(data, t, d, ref)) live.add(t);
      step++;
      continue;
    }
    heap.pop();
    const gain = isInside(data, t, d, ref) ? live.exclusive(t) : 0;
    heap.push(-gain, t, step);
  }
  return picked;
}

function isInside(data: Float64Array, t: number, d: number, ref: Float64Array): boolean {
  for (let j = 0; j < d; j++) if (!(data[t * d + j]! < ref[j]!)) return false;
  return true;
}
