import { rowWeaklyDominates } from './rowWeaklyDominates';
/**
 * The rows of an n x d row-major set (minimisation) that strictly dominate `ref` and that a few
 * "pivot" rows do not weakly dominate, copied into a buffer (order not kept). Up to
 * OUTPUT_KEEP values the buffer is kept between calls (allocating and zeroing it was a fifth
 * of a 3-D hypervolume of 100 points): the result is valid until the next call. The
 * hypervolume of the rows inside `ref` is unchanged: every dropped row lies in a kept pivot's box.
 * It replaces rowsInsideReference for the hypervolume, in the same single scan of the input.
 *
 * Pivots are picked greedily: the row nearest the ideal corner (smallest sum of coordinates
 * scaled to [lowest value, reference]) in a sample of about 4 sqrt(n) rows, then the nearest among the
 * rows the previous pivots left, each pass dropping what its pivot covers, while that pays (not
 * for d = 4, where the kernel drops dominated rows itself about as cheaply). On
 * uniform random points the first good pivot covers about 1 - (1 - (d!/n)^(1/d))^d of the rows
 * (96% at n = 100k, d = 3), so the exact kernels after it see a small fraction of the input; on a
 * front, where nothing is dominated, one scan drops nothing and it stops.
 *
 * The values must be finite, except for d = 4, where n = -1 reports one that is not (when a row
 * lies inside `ref`; with none, n = 0 and nothing was checked).
 */
export function pruneDominated(points: Float64Array, n: number, d: number, ref: Float64Array): { data: Float64Array; n: number } {
  const data = outputBuffer(n * d);
  // The first pivot comes from a sample, so that the copying scan already drops what it covers.
  // About 4 sqrt(n) rows: the sample's best row then covers most of the rest on random points.
  let stride = Math.max(1, Math.floor(Math.sqrt(n) / 4));
  const weight = weightBuffer(d);
  const pivot = pivotBuffer(d);
  for (;;) {
    if (d === 4 ? samplePivot4(points, n, ref, stride, pivot) : samplePivot(points, n, d, ref, stride, weight, pivot)) break;
    // A sample without a row inside the reference proves nothing: look at every row.
    if (stride === 1) return { data: data.subarray(0, 0), n: 0 };
    stride = 1;
  }
  // Row 0 is the first pivot; the scan drops every other row it weakly dominates (its copies
  // included) and every row outside the reference.
  for (let j = 0; j < d; j++) data[j] = pivot[j]!;
  if (d === 4) {
    // One scan only: the 4-D kernel's sweep passes over a dominated row about as cheaply as a
    // pass here drops it (it first tries the last two rows that covered one), so more passes
    // only cost. 4-D clustered, 1000 points: 3 scans left 630 rows, this one 734, and the
    // hypervolume took 0.77x the time.
    const m = scan4(points, n, ref, pivot, data);
    return { data: data.subarray(0, 4 * Math.max(m, 0)), n: m };
  }
  const score = scoreBuffer(n);
  let m = 1;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    if (rowWeaklyDominates(pivot, 0, points, o, d) || !inside(points, o, d, ref)) continue;
    const c = m * d;
    for (let j = 0; j < d; j++) data[c + j] = points[o + j]!;
    score[m++] = rowScore(points, o, d, weight);
  }
  let next = -1;
  let nextScore = Infinity;
  for (let s = 1; s < m; s++) {
    if (score[s]! < nextScore) {
      nextScore = score[s]!;
      next = s;
    }
  }
  // Rows [0, pivots) are the pivots so far; every row after them survived all of them.
  let pivots = 1;
  let dropped = n - m;
  for (let pass = 1; pass < MAX_PASSES && next >= 0 && dropped * 8 >= m - pivots; pass++) {
    swapRows(data, score, d, pivots, next);
    const po = pivots * d;
    pivots++;
    let k = pivots;
    next = -1;
    nextScore = Infinity;
    for (let s = pivots; s < m; s++) {
      const o = s * d;
      if (rowWeaklyDominates(data, po, data, o, d)) continue;
      if (k !== s) {
        // A plain loop: copyWithin's call overhead dominates for rows of a few doubles.
        for (let j = 0, c = k * d; j < d; j++) data[c + j] = data[o + j]!;
        score[k] = score[s]!;
      }
      if (score[k]! < nextScore) {
        nextScore = score[k]!;
        next = k;
      }
      k++;
    }
    dropped = m - k;
    m = k;
  }
  return { data: data.subarray(0, m * d), n: m };
}

/**
 * The scan for d = 4: the rows inside `ref` that `pivot` does not weakly dominate, after it.
 * It also checks every value, which the 4-D hypervolume does not do beforehand: -1 when one is
 * not finite.
 */
function scan4(points: Float64Array, n: number, ref: Float64Array, pivot: Float64Array, data: Float64Array): number {
  const a = pivot[0]!;
  const b = pivot[1]!;
  const c = pivot[2]!;
  const e = pivot[3]!;
  const r0 = ref[0]!;
  const r1 = ref[1]!;
  const r2 = ref[2]!;
  const r3 = ref[3]!;
  let m = 1;
  // Stays 0 unless a value is NaN or infinite (v - v is NaN then); summed per row first so the
  // loop carries one addition, not four.
  let nonFinite = 0;
  for (let o = 0, end = 4 * n; o < end; o += 4) {
    const x = points[o]!;
    const y = points[o + 1]!;
    const z = points[o + 2]!;
    const w = points[o + 3]!;
    nonFinite += x - x + (y - y) + (z - z + (w - w));
    if (((a <= x) as unknown as number) & ((b <= y) as unknown as number) & ((c <= z) as unknown as number) & ((e <= w) as unknown as number)) {
      continue;
    }
    if (!(x < r0 && y < r1 && z < r2 && w < r3)) continue;
    const t = 4 * m;
    data[t] = x;
    data[t + 1] = y;
    data[t + 2] = z;
    data[t + 3] = w;
    m++;
  }
  return nonFinite === 0 ? m : -1;
}

/**
 * The first pivot: of every stride-th row inside `ref`, the one with the smallest sum of
 * coordinates scaled to [lowest value in the sample, reference] (the first of equal ones),
 * copied to `pivot`; `weight` gets the scales. False when no such row.
 */
function samplePivot(points: Float64Array, n: number, d: number, ref: Float64Array, stride: number, weight: Float64Array, pivot: Float64Array): boolean {
  for (let j = 0; j < d; j++) weight[j] = ref[j]!;
  for (let i = 0; i < n; i += stride) {
    const o = i * d;
    if (!inside(points, o, d, ref)) continue;
    for (let j = 0; j < d; j++) if (points[o + j]! < weight[j]!) weight[j] = points[o + j]!;
  }
  for (let j = 0; j < d; j++) weight[j] = 1 / (ref[j]! - weight[j]!);
  let bestScore = Infinity;
  for (let i = 0; i < n; i += stride) {
    const o = i * d;
    if (!inside(points, o, d, ref)) continue;
    const s = rowScore(points, o, d, weight);
    if (s < bestScore) {
      bestScore = s;
      for (let j = 0; j < d; j++) pivot[j] = points[o + j]!;
    }
  }
  return bestScore < Infinity;
}

/**
 * samplePivot for d = 4 (the same pivot), with every coordinate in a local: the generic loops
 * took four times as long as the scan after them (a tenth of a 4-D front's hypervolume at 100
 * points).
 */
function samplePivot4(points: Float64Array, n: number, ref: Float64Array, stride: number, pivot: Float64Array): boolean {
  const r0 = ref[0]!;
  const r1 = ref[1]!;
  const r2 = ref[2]!;
  const r3 = ref[3]!;
  let l0 = r0;
  let l1 = r1;
  let l2 = r2;
  let l3 = r3;
  // The offsets of the sampled rows inside `ref`, for the scoring pass.
  const rows = sampleBuffer(Math.ceil(n / stride));
  let m = 0;
  for (let o = 0, step = 4 * stride, end = 4 * n; o < end; o += step) {
    const x = points[o]!;
    const y = points[o + 1]!;
    const z = points[o + 2]!;
    const w = points[o + 3]!;
    if (!(x < r0 && y < r1 && z < r2 && w < r3)) continue;
    rows[m++] = o;
    if (x < l0) l0 = x;
    if (y < l1) l1 = y;
    if (z < l2) l2 = z;
    if (w < l3) l3 = w;
  }
  if (m === 0) return false;
  const w0 = 1 / (r0 - l0);
  const w1 = 1 / (r1 - l1);
  const w2 = 1 / (r2 - l2);
  const w3 = 1 / (r3 - l3);
  let best = -1;
  let bestScore = Infinity;
  for (let t = 0; t < m; t++) {
    const o = rows[t]!;
    // Summed in the order rowScore sums, so that equal scores tie the same way.
    const s = points[o]! * w0 + points[o + 1]! * w1 + points[o + 2]! * w2 + points[o + 3]! * w3;
    if (s < bestScore) {
      bestScore = s;
      best = o;
    }
  }
  if (best < 0) return false;
  for (let j = 0; j < 4; j++) pivot[j] = points[best + j]!;
  return true;
}

function inside(points: Float64Array, o: number, d: number, ref: Float64Array): boolean {
  for (let j = 0; j < d; j++) if (!(points[o + j]! < ref[j]!)) return false;
  return true;
}

function rowScore(data: Float64Array, o: number, d: number, weight: Float64Array): number {
  let s = 0;
  for (let j = 0; j < d; j++) s += data[o + j]! * weight[j]!;
  return s;
}

const MAX_PASSES = 8;

const OUTPUT_KEEP = 1 << 18;
let output = new Float64Array(1024);
function outputBuffer(size: number): Float64Array {
  if (output.length >= size) return output;
  if (size > OUTPUT_KEEP) return new Float64Array(size);
  output = new Float64Array(Math.min(OUTPUT_KEEP, 2 * size));
  return output;
}

let weights = new Float64Array(8);
function weightBuffer(d: number): Float64Array {
  if (weights.length < d) weights = new Float64Array(d);
  return weights;
}

let pivotScratch = new Float64Array(8);
function pivotBuffer(d: number): Float64Array {
  if (pivotScratch.length < d) pivotScratch = new Float64Array(d);
  return pivotScratch;
}

// Kept between calls up to SAMPLE_KEEP rows (a sample is about 4 sqrt(n) rows; every row only
// when the sample had none inside the reference).
const SAMPLE_KEEP = 1 << 12;
let sampleRows = new Int32Array(256);
function sampleBuffer(n: number): Int32Array {
  if (n > SAMPLE_KEEP) return new Int32Array(n);
  if (sampleRows.length < n) sampleRows = new Int32Array(Math.min(SAMPLE_KEEP, 2 * n));
  return sampleRows;
}

let scores = new Float64Array(256);
function scoreBuffer(n: number): Float64Array {
  if (scores.length < n) scores = new Float64Array(2 * n);
  return scores;
}

function swapRows(data: Float64Array, score: Float64Array, d: number, a: number, b: number): void {
  if (a === b) return;
  for (let j = 0; j < d; j++) {
    const t = data[a * d + j]!;
    data[a * d + j] = data[b * d + j]!;
    data[b * d + j] = t;
  }
  const t = score[a]!;
  score[a] = score[b]!;
  score[b] = t;
}
