/**
 * Brute-force references for the property tests: quadratic dominance and hypervolume by
 * counting the cells of the grid spanned by all coordinates. Deliberately simple and slow.
 */
import fc from 'fast-check';

function bruteDominates(p: Float64Array, d: number, a: number, b: number): boolean {
  let better = false;
  for (let j = 0; j < d; j++) {
    if (p[a * d + j]! > p[b * d + j]!) return false;
    if (p[a * d + j]! < p[b * d + j]!) better = true;
  }
  return better;
}

/** Ranks by repeatedly peeling the non-dominated set (Deb's definition). */
export function bruteRanks(p: Float64Array, d: number): Int32Array {
  const n = p.length / d;
  const rank = new Int32Array(n).fill(-1);
  let assigned = 0;
  for (let r = 0; assigned < n; r++) {
    const front: number[] = [];
    for (let i = 0; i < n; i++) {
      if (rank[i] !== -1) continue;
      let dom = false;
      for (let k = 0; k < n && !dom; k++) if (k !== i && rank[k] === -1 && bruteDominates(p, d, k, i)) dom = true;
      if (!dom) front.push(i);
    }
    for (const i of front) rank[i] = r;
    assigned += front.length;
  }
  return rank;
}

export function bruteHypervolume(p: Float64Array, d: number, ref: ArrayLike<number>): number {
  const n = p.length / d;
  const inside: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let j = 0; j < d; j++) if (!(p[i * d + j]! < ref[j]!)) ok = false;
    if (ok) inside.push(i);
  }
  if (inside.length === 0) return 0;
  const grids: number[][] = [];
  for (let j = 0; j < d; j++) {
    const vals = new Set<number>([ref[j]!]);
    for (const i of inside) vals.add(p[i * d + j]!);
    grids.push([...vals].sort((a, b) => a - b));
  }
  let total = 0;
  const idx = new Array<number>(d).fill(0);
  for (;;) {
    let ok = true;
    for (let j = 0; j < d; j++) if (idx[j]! >= grids[j]!.length - 1) ok = false;
    if (ok) {
      let dominated = false;
      for (const i of inside) {
        let le = true;
        for (let j = 0; j < d; j++) if (p[i * d + j]! > grids[j]![idx[j]!]!) le = false;
        if (le) {
          dominated = true;
          break;
        }
      }
      if (dominated) {
        let vol = 1;
        for (let j = 0; j < d; j++) vol *= grids[j]![idx[j]! + 1]! - grids[j]![idx[j]!]!;
        total += vol;
      }
    }
    let j = 0;
    while (j < d) {
      idx[j]!++;
      if (idx[j]! < grids[j]!.length - 1) break;
      idx[j] = 0;
      j++;
    }
    if (j === d) break;
  }
  return total;
}

/** n x d sets of small integers (many ties and duplicates) as a Float64Array. */
export function intPoints(d: number, maxN: number, maxV = 5, minN = 0): fc.Arbitrary<Float64Array> {
  return fc
    .array(fc.array(fc.integer({ min: 0, max: maxV }), { minLength: d, maxLength: d }), { minLength: minN, maxLength: maxN })
    .map((rows) => Float64Array.from(rows.flat()));
}

/** n x d sets of doubles in [0, 1). */
export function realPoints(d: number, maxN: number, minN = 0): fc.Arbitrary<Float64Array> {
  return fc
    .array(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: d, maxLength: d }), {
      minLength: minN,
      maxLength: maxN,
    })
    .map((rows) => Float64Array.from(rows.flat()));
}

export function relClose(a: number, b: number, tol = 1e-9): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A seeded xorshift32 stream of uniforms in (0, 1), never 0 (the fixtures take its logarithm). */
function seededUniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
}

/** Random points on the positive unit-sphere orthant: a non-dominated front, the hard case. */
export function spherePoints(n: number, d: number, seed: number): Float64Array {
  const rand = seededUniform(seed);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < d; j++) {
      // |Gaussian| per axis gives a uniform direction on the orthant.
      const g = Math.abs(Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand()));
      out[i * d + j] = g;
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < d; j++) out[i * d + j] = out[i * d + j]! / norm;
  }
  return out;
}

/**
 * Points shaped like the comparison script's clustered class: n x 3 points around k centres
 * (Gaussian, sd `sd`) clipped to [0, 1], so many values are exactly 0 or 1 and clusters dominate
 * each other in part.
 */
export function clusteredPoints(n: number, k: number, sd: number, seed: number): Float64Array {
  const rand = seededUniform(seed);
  const centres = new Float64Array(3 * k);
  for (let i = 0; i < centres.length; i++) centres[i] = rand();
  const out = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * k);
    for (let j = 0; j < 3; j++) {
      const g = Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
      out[3 * i + j] = Math.min(1, Math.max(0, centres[3 * c + j]! + sd * g));
    }
  }
  return out;
}

export function uniformPoints(n: number, d: number, seed: number): Float64Array {
  let s = seed >>> 0 || 1;
  const out = new Float64Array(n * d);
  for (let i = 0; i < out.length; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s / 4294967296;
  }
  return out;
}

/**
 * The 3-objective DTLZ2 front (the unit sphere's positive octant) sampled on a (g + 1) x (g + 1)
 * grid of angles, corners included. Its hypervolume against (1, 1, 1) tends to 1 - pi / 6 from
 * below as g grows.
 */
export function dtlz2Grid(g: number): Float64Array {
  const p: number[] = [];
  for (let a = 0; a <= g; a++) {
    for (let b = 0; b <= g; b++) {
      const th = ((Math.PI / 2) * a) / g;
      const ph = ((Math.PI / 2) * b) / g;
      p.push(Math.cos(th) * Math.cos(ph), Math.cos(th) * Math.sin(ph), Math.sin(th));
    }
  }
  return Float64Array.from(p);
}
