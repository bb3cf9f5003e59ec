/** Calls on more rows than this warm their entry point up first; calls on 100 rows never met the trap. */
export const WARM_UP_ROWS = 128;

/**
 * Runs an entry point (hypervolume, its contributions and improvement, the sort, the filter) on
 * small built-in sets before its first call on a large set of d objectives, once per d.
 *
 * Why: V8 gives a function its feedback vector (the types and shapes each operation has met,
 * which the optimising compiler builds on) only once the function has run about eight times its
 * own bytecode. A kernel whose first call is long gets the vector partway through that call, and
 * is optimised in that same call, by on-stack replacement (OSR) into its loop and as a whole; the
 * code before the loops has met nothing yet, so the whole-function code deoptimises there on the
 * next call ("Insufficient type feedback"). Node 20 then enters the kernel through its OSR code
 * on every later call, after running the code before the loop in the interpreter.
 *
 * Node 22 does so on about a quarter of the calls; Node 24's V8 re-optimises and does not.
 *
 * Measured on Node 20.20.2 with one thread (V8 then compiles synchronously and the trap is
 * certain; natively it came in 1 or 2 processes of 6): after 3 calls on 10,000 points, a 4-D
 * front of 100 points took 466k instructions instead of 179k, and in 13 of the 15 pairs of entry
 * point and d (2 to 6) some kernel was entered through OSR on every or nearly every call on sphere
 * fronts. One call on each of the two sets below first (100 rows: the key sorts' paths start
 * there, and sets of 30 rows left 15 of 30 cases trapped) removed every such entry;
 * `scripts/tier-up-trap.ts` checks it. Figures in docs/multiobjective.md, "When the first call is on a large set".
 *
 * The warm-up calls the entry point itself, before it starts on the caller's set, so it cannot
 * touch a kept buffer that the caller's call would not; their results are dropped.
 */
export class WarmUp {
  private readonly done: Uint8Array;

  /**
   * `maxD`: the largest d warmed up. Past it a call is long enough that entering a kernel through
   * its OSR code costs nothing measurable, and the warm-up, run mostly in the interpreter, would
   * cost tens of milliseconds (6-D hypervolume, 4-D to 6-D contributions).
   */
  constructor(
    private readonly entry: (points: Float64Array, d: number, reference: Float64Array) => unknown,
    maxD: number,
  ) {
    this.done = new Uint8Array(maxD + 1);
  }

  /**
   * Warms the entry point up for d, if this call is the first on more than WARM_UP_ROWS rows.
   * Takes the caller's arguments unchecked: anything but a Float64Array and an integer d in
   * [2, maxD] skips the warm-up and goes to the entry point's own checks.
   */
  before(points: Float64Array, d: number): void {
    if (typeof d !== 'number' || this.done[d] !== 0 || d < 2) return;
    if (!(points instanceof Float64Array) || points.length <= WARM_UP_ROWS * d) return;
    this.done[d] = 1;
    const reference = new Float64Array(d).fill(1.1);
    this.entry(warmUpFront(d), d, reference);
    this.entry(warmUpScattered(d), d, reference);
  }
}

const WARM_UP_SET_ROWS = 100;

/**
 * 100 mutually non-dominated points of d objectives on the unit sphere (every one inside the
 * reference 1.1): the kernels' paths for fronts. Directions from an additive recurrence (each
 * coordinate steps by a different irrational number), so the set is fixed and well spread.
 */
export function warmUpFront(d: number): Float64Array {
  const rows = recurrence(d, 1);
  for (let o = 0; o < rows.length; o += d) {
    let norm = 0;
    for (let j = 0; j < d; j++) norm += rows[o + j]! * rows[o + j]!;
    norm = Math.sqrt(norm);
    for (let j = 0; j < d; j++) rows[o + j]! /= norm;
  }
  return rows;
}

/**
 * 100 points spread over (0, 1.2]^d: most of them dominated, some outside the reference 1.1,
 * which sends them along the pruning and filtering paths.
 */
export function warmUpScattered(d: number): Float64Array {
  const rows = recurrence(d, 2);
  for (let i = 0; i < rows.length; i++) rows[i]! *= 1.2;
  return rows;
}

/** Row i, objective j: the fractional part of (i + 1) * sqrt(prime number j + shift), plus 0.001 (no zero). */
function recurrence(d: number, shift: number): Float64Array {
  const rows = new Float64Array(WARM_UP_SET_ROWS * d);
  for (let j = 0; j < d; j++) {
    const step = Math.sqrt(PRIMES[j + shift]!);
    for (let i = 0; i < WARM_UP_SET_ROWS; i++) {
      const v = (i + 1) * step;
      rows[i * d + j] = v - Math.floor(v) + 1e-3;
    }
  }
  return rows;
}

const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31];
