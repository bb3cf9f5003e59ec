import type { Configuration, Rng, SearchSpace } from '@jahskit/core';

/**
 * The [0, 1]^d encoding that DE and DEHB evolve (Awad, Mallik & Hutter 2021): integers and floats
 * at their normalised (log-aware) position, a parameter with k choices (categorical or ordinal) in k
 * equal bins — v maps to choice floor(v k), a choice i is encoded at its bin centre (i + 0.5) / k —
 * and inactive parameters at a uniform draw, so every vector is complete and mutations stay in the cube.
 */
export class UnitVectorCodec {
  readonly dimensions: number;
  /** Number of choices, 0 for numeric parameters, -1 for constants. */
  private readonly bins: Int32Array;
  private readonly vector: Float64Array;

  constructor(readonly space: SearchSpace) {
    this.dimensions = space.parameters.length;
    this.bins = Int32Array.from(space.parameters, (p) =>
      p.type === 'categorical' ? p.choices.length : p.type === 'ordinal' ? p.sequence.length : p.type === 'constant' ? -1 : 0,
    );
    this.vector = new Float64Array(this.dimensions);
  }

  encode(config: Configuration, rng: Rng): number[] {
    const raw = this.space.encode(config);
    return Array.from(raw, (v, j) => {
      const k = this.bins[j] as number;
      if (Number.isNaN(v)) return rng.uniform();
      if (k > 0) return (v + 0.5) / k;
      return k < 0 ? 0.5 : v;
    });
  }

  /** The configuration of a vector; throws the space's error when it is forbidden. */
  decode(u: readonly number[]): Configuration {
    for (let j = 0; j < this.dimensions; j++) {
      const k = this.bins[j] as number;
      const v = u[j] as number;
      this.vector[j] = k > 0 ? Math.min(k - 1, Math.max(0, Math.floor(v * k))) : k < 0 ? 0 : v;
    }
    return this.space.validate(this.space.decode(this.vector));
  }
}

/**
 * DE's rand/1/bin step: mutant a + F (b - c) (coordinates leaving [0, 1] are redrawn uniformly, as
 * in DEHB), then binomial crossover with the target (rate CR, one coordinate always from the mutant).
 */
export function mutateAndCross(
  target: readonly number[],
  a: readonly number[],
  b: readonly number[],
  c: readonly number[],
  f: number,
  cr: number,
  rng: Rng,
): number[] {
  const d = target.length;
  const forced = d > 0 ? rng.index(d) : 0;
  const child = new Array<number>(d);
  for (let j = 0; j < d; j++) {
    let m = (a[j] as number) + f * ((b[j] as number) - (c[j] as number));
    if (m < 0 || m > 1) m = rng.uniform();
    child[j] = j === forced || rng.uniform() < cr ? m : (target[j] as number);
  }
  return child;
}

/** Three distinct indices of `pool` (size >= 3), none equal to `exclude` when the pool allows it. */
export function pickThree(size: number, exclude: number, rng: Rng): [number, number, number] {
  const chosen: number[] = [];
  const canExclude = size - (exclude >= 0 && exclude < size ? 1 : 0) >= 3;
  while (chosen.length < 3) {
    const i = rng.index(size);
    if (chosen.includes(i) || (canExclude && i === exclude)) continue;
    chosen.push(i);
  }
  return chosen as [number, number, number];
}
