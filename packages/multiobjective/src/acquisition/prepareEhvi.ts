import { MultiObjectiveError } from '../errors/MultiObjectiveError';
import { exclusiveVolume } from '../indicators/exclusiveVolume';
import { argsortLex } from '../internal/argsortLex';
import { checkPoints, checkPositiveInteger, checkReference, rowsInsideReference } from '../internal/validate';
import { SeededRandom } from '../random/SeededRandom';
import { nonDominatedFilter } from '../sorting/nonDominatedFilter';
import { erfcx } from './normal';

export interface EhviOptions {
  /** Samples per candidate for d >= 4 (Monte Carlo); default 10 000. */
  readonly samples?: number;
  /** Seed of the Monte Carlo stream for d >= 4; default 0. Each call restarts the stream. */
  readonly seed?: number;
}

/** EHVI against one fixed front, prepared once and evaluated for many candidates. */
export interface EhviModel {
  readonly d: number;
  /** True for d <= 3 (box decomposition), false for the Monte Carlo estimate (d >= 4). */
  readonly exact: boolean;
  /** Number of boxes of the decomposition of the non-dominated region (0 for Monte Carlo). */
  readonly boxCount: number;
  /** EHVI of one candidate with independent Gaussian objectives N(mu_j, sigma_j^2). */
  ehvi(mu: ArrayLike<number>, sigma: ArrayLike<number>): number;
  /** EHVI of c candidates given as row-major c x d means and standard deviations. */
  ehviBatch(mu: Float64Array, sigma: Float64Array, out?: Float64Array): Float64Array;
}

const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Prepares expected hypervolume improvement (minimisation) for a front and a reference point.
 *
 * d = 2, 3 (exact): the region dominated by the reference and by no front point is cut once into
 * axis-aligned boxes (d = 2: the m + 1 strips under the staircase; d = 3: a z sweep in which a
 * strip of the 2-D staircase becomes a box when the staircase changes under it, at most 3m + 1
 * boxes). For independent Gaussians, EHVI = sum over boxes of prod_j [G_j(u_j) - G_j(l_j)] with
 * G(u) = sigma psi((u - mu) / sigma), psi(t) = t Phi(t) + phi(t), so a candidate costs
 * O(d m) normal evaluations plus O(boxes) products. sigma = 0 gives exactly the plain
 * improvement. d >= 4: a seeded Monte Carlo average of the improvement over `samples` draws.
 *
 * Front points that do not strictly dominate the reference are ignored; an empty front is
 * allowed (EHVI is then the expected volume of the candidate's box).
 */
export function prepareEhvi(front: Float64Array, d: number, reference: ArrayLike<number>, options: EhviOptions = {}): EhviModel {
  const n = checkPoints(front, d, 'front');
  const ref = checkReference(reference, d);
  const inside = rowsInsideReference(front, n, d, ref);
  const keep = nonDominatedFilter(inside.data, d);
  const m = keep.length;
  const pts = new Float64Array(m * d);
  for (let t = 0; t < m; t++) for (let j = 0; j < d; j++) pts[t * d + j] = inside.data[keep[t]! * d + j]!;
  if (d === 2 || d === 3) return new BoxEhvi(d, d === 2 ? boxes2d(pts, m, ref) : boxes3d(pts, m, ref));
  if (d === 1) return new BoxEhvi(1, boxes1d(pts, m, ref));
  const samples = options.samples ?? 10_000;
  checkPositiveInteger(samples, 'options.samples');
  return new MonteCarloEhvi(d, ref, pts, m, samples, options.seed ?? 0);
}

/** Coordinates per dimension (index 0 is -Infinity) and, per box, lower/upper indices. */
interface Boxes {
  readonly coords: Float64Array[];
  readonly lower: Int32Array;
  readonly upper: Int32Array;
  readonly count: number;
}

function boxes1d(pts: Float64Array, m: number, ref: Float64Array): Boxes {
  let best = ref[0]!;
  for (let t = 0; t < m; t++) if (pts[t]! < best) best = pts[t]!;
  return { coords: [Float64Array.from([-Infinity, best])], lower: Int32Array.of(0), upper: Int32Array.of(1), count: 1 };
}

function boxes2d(pts: Float64Array, m: number, ref: Float64Array): Boxes {
  const order = argsortLex(pts, m, 2, [0, 1]);
  // m non-dominated distinct points: x ascending, y descending.
  const xs = new Float64Array(m + 2);
  const ys = new Float64Array(m + 2);
  xs[0] = -Infinity;
  ys[0] = -Infinity;
  for (let t = 0; t < m; t++) {
    xs[t + 1] = pts[2 * order[t]!]!;
    ys[t + 1] = pts[2 * order[t]! + 1]!;
  }
  xs[m + 1] = ref[0]!;
  ys[m + 1] = ref[1]!;
  const lower = new Int32Array(2 * (m + 1));
  const upper = new Int32Array(2 * (m + 1));
  for (let j = 0; j <= m; j++) {
    // Strip between the j-th and (j+1)-th staircase x, below the j-th staircase y.
    lower[2 * j] = j;
    upper[2 * j] = j + 1;
    lower[2 * j + 1] = 0;
    upper[2 * j + 1] = j === 0 ? m + 1 : j;
  }
  return { coords: [xs, ys], lower, upper, count: m + 1 };
}

function boxes3d(pts: Float64Array, m: number, ref: Float64Array): Boxes {
  // Coordinate arrays: index 0 = -Infinity, 1..m = point t's value, m + 1 = reference.
  const cx = new Float64Array(m + 2);
  const cy = new Float64Array(m + 2);
  const cz = new Float64Array(m + 2);
  cx[0] = cy[0] = cz[0] = -Infinity;
  for (let t = 0; t < m; t++) {
    cx[t + 1] = pts[3 * t]!;
    cy[t + 1] = pts[3 * t + 1]!;
    cz[t + 1] = pts[3 * t + 2]!;
  }
  cx[m + 1] = ref[0]!;
  cy[m + 1] = ref[1]!;
  cz[m + 1] = ref[2]!;
  const lower: number[] = [];
  const upper: number[] = [];
  // Open strips, x ascending: staircase point index (0 = sentinel at x = -inf, y = ref), the
  // x index where the strip ends and the z index where it opened.
  const owner: number[] = [0];
  const xEnd: number[] = [m + 1];
  const zStart: number[] = [0];
  const close = (s: number, zIdx: number): void => {
    const a = owner[s]!;
    if (cz[zStart[s]!] === cz[zIdx] || cx[a] === cx[xEnd[s]!]) return;
    lower.push(a, 0, zStart[s]!);
    upper.push(xEnd[s]!, a === 0 ? m + 1 : a, zIdx);
  };
  const order = argsortLex(pts, m, 3, [2, 1, 0]);
  for (let t = 0; t < m; t++) {
    const p = order[t]! + 1;
    const x = cx[p]!;
    const y = cy[p]!;
    // Last strip whose owner's x is <= x (the sentinel always qualifies).
    let s = owner.length - 1;
    while (s > 0 && cx[owner[s]!]! > x) s--;
    const qy = owner[s] === 0 ? Infinity : cy[owner[s]!]!;
    if (qy <= y) continue;
    let e = s + 1;
    while (e < owner.length && cy[owner[e]!]! >= y) e++;
    // Strip s is cut at x; strips s+1 .. e-1 disappear; p opens a strip up to strip e's owner.
    close(s, p);
    for (let r = s + 1; r < e; r++) close(r, p);
    const pEnd = e < owner.length ? owner[e]! : m + 1;
    if (cx[owner[s]!] === x) {
      // Same x as the strip's owner (only possible for the sentinel... or a tie): replace it.
      owner.splice(s, e - s, p);
      xEnd.splice(s, e - s, pEnd);
      zStart.splice(s, e - s, p);
    } else {
      xEnd[s] = p;
      zStart[s] = p;
      owner.splice(s + 1, e - s - 1, p);
      xEnd.splice(s + 1, e - s - 1, pEnd);
      zStart.splice(s + 1, e - s - 1, p);
    }
  }
  for (let s = 0; s < owner.length; s++) close(s, m + 1);
  return { coords: [cx, cy, cz], lower: Int32Array.from(lower), upper: Int32Array.from(upper), count: lower.length / 3 };
}

/** The checks and the batch loop of every model; a model computes one candidate's EHVI. */
abstract class EhviModelBase implements EhviModel {
  abstract readonly d: number;
  abstract readonly exact: boolean;
  abstract readonly boxCount: number;

  ehvi(mu: ArrayLike<number>, sigma: ArrayLike<number>): number {
    checkMoments(mu, sigma, this.d, 0);
    return this.evaluate(mu, sigma, 0);
  }

  ehviBatch(mu: Float64Array, sigma: Float64Array, out?: Float64Array): Float64Array {
    const c = checkBatch(mu, sigma, this.d);
    const res = out ?? new Float64Array(c);
    if (res.length < c) throw new MultiObjectiveError('dimension-mismatch', `out must have room for ${c} values`);
    for (let i = 0; i < c; i++) res[i] = this.evaluate(mu, sigma, i * this.d);
    return res;
  }

  /** EHVI of the candidate at mu[o..o + d), sigma[o..o + d) (already checked). */
  protected abstract evaluate(mu: ArrayLike<number>, sigma: ArrayLike<number>, o: number): number;
}

class BoxEhvi extends EhviModelBase {
  readonly exact = true;
  readonly boxCount: number;
  private readonly g: Float64Array[];

  constructor(
    readonly d: number,
    private readonly boxes: Boxes,
  ) {
    super();
    this.boxCount = boxes.count;
    this.g = boxes.coords.map((c) => new Float64Array(c.length));
  }

  protected evaluate(mu: ArrayLike<number>, sigma: ArrayLike<number>, o: number): number {
    const { d, g, boxes } = this;
    for (let j = 0; j < d; j++) {
      const coords = boxes.coords[j]!;
      const gj = g[j]!;
      const mj = mu[o + j]!;
      const sj = sigma[o + j]!;
      fillExpectedOverlap(coords, gj, mj, sj);
    }
    const lower = boxes.lower;
    const upper = boxes.upper;
    let total = 0;
    if (d === 2) {
      const gx = g[0]!;
      const gy = g[1]!;
      for (let b = 0, k = 0; b < boxes.count; b++, k += 2) {
        total += (gx[upper[k]!]! - gx[lower[k]!]!) * (gy[upper[k + 1]!]! - gy[lower[k + 1]!]!);
      }
    } else if (d === 3) {
      const gx = g[0]!;
      const gy = g[1]!;
      const gz = g[2]!;
      for (let b = 0, k = 0; b < boxes.count; b++, k += 3) {
        total += (gx[upper[k]!]! - gx[lower[k]!]!) * (gy[upper[k + 1]!]! - gy[lower[k + 1]!]!) * (gz[upper[k + 2]!]! - gz[lower[k + 2]!]!);
      }
    } else {
      for (let b = 0; b < boxes.count; b++) {
        let prod = 1;
        for (let j = 0; j < d; j++) prod *= g[j]![upper[b * d + j]!]! - g[j]![lower[b * d + j]!]!;
        total += prod;
      }
    }
    return total > 0 ? total : 0;
  }
}

/**
 * out[i] = E[(coords[i] - Y)^+] for Y ~ N(mu, sigma^2), i.e. the integral of P(Y <= z) from -inf
 * to coords[i]: sigma psi(t) with t = (coords[i] - mu) / sigma. The tails short-cut to t sigma
 * and 0; the left tail uses erfcx so that Phi and phi share one exponential.
 */
function fillExpectedOverlap(coords: Float64Array, out: Float64Array, mu: number, sigma: number): void {
  const len = coords.length;
  if (sigma === 0) {
    for (let i = 0; i < len; i++) {
      const v = coords[i]! - mu;
      out[i] = v > 0 ? v : 0;
    }
    return;
  }
  const inv = 1 / sigma;
  for (let i = 0; i < len; i++) {
    const t = (coords[i]! - mu) * inv;
    if (t > 8.3) {
      out[i] = coords[i]! - mu;
    } else if (t < -38) {
      out[i] = 0;
    } else {
      const e = Math.exp(-0.5 * t * t);
      if (t >= 0) {
        const cdf = 1 - 0.5 * erfcx(t * Math.SQRT1_2) * e;
        out[i] = sigma * (t * cdf + INV_SQRT_2PI * e);
      } else {
        out[i] = sigma * e * (INV_SQRT_2PI + 0.5 * t * erfcx(-t * Math.SQRT1_2));
      }
    }
  }
}

class MonteCarloEhvi extends EhviModelBase {
  readonly exact = false;
  readonly boxCount = 0;

  constructor(
    readonly d: number,
    private readonly ref: Float64Array,
    private readonly pts: Float64Array,
    private readonly m: number,
    private readonly samples: number,
    private readonly seed: number,
  ) {
    super();
  }

  protected evaluate(mu: ArrayLike<number>, sigma: ArrayLike<number>, o: number): number {
    const { d, ref, pts, m } = this;
    const rng = new SeededRandom(this.seed);
    const y = new Float64Array(d);
    let sum = 0;
    for (let s = 0; s < this.samples; s++) {
      let inside = true;
      for (let j = 0; j < d; j++) {
        y[j] = mu[o + j]! + sigma[o + j]! * rng.nextNormal();
        if (!(y[j]! < ref[j]!)) inside = false;
      }
      if (inside) sum += exclusiveVolume(y, 0, pts, m, d, ref);
    }
    return sum / this.samples;
  }
}

function checkMoments(mu: ArrayLike<number>, sigma: ArrayLike<number>, d: number, o: number): void {
  if (mu == null || sigma == null || mu.length < o + d || sigma.length < o + d) {
    throw new MultiObjectiveError('dimension-mismatch', `mu and sigma must each have ${d} values`);
  }
  for (let j = 0; j < d; j++) {
    const a = mu[o + j]!;
    const s = sigma[o + j]!;
    if (typeof a !== 'number' || a - a !== 0) {
      throw new MultiObjectiveError('non-finite', `mu[${o + j}] is ${String(a)}; it must be finite`);
    }
    if (typeof s !== 'number' || !(s >= 0) || s === Infinity) {
      throw new MultiObjectiveError('invalid-argument', `sigma[${o + j}] is ${String(s)}; it must be finite and >= 0`);
    }
  }
}

function checkBatch(mu: Float64Array, sigma: Float64Array, d: number): number {
  if (!(mu instanceof Float64Array) || !(sigma instanceof Float64Array)) {
    throw new MultiObjectiveError('invalid-argument', 'mu and sigma must be Float64Arrays (row-major c x d)');
  }
  if (mu.length !== sigma.length || mu.length % d !== 0) {
    throw new MultiObjectiveError('dimension-mismatch', `mu (${mu.length}) and sigma (${sigma.length}) must have the same length, a multiple of d = ${d}`);
  }
  const c = mu.length / d;
  for (let i = 0; i < c; i++) checkMoments(mu, sigma, d, i * d);
  return c;
}
