import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { CoreError } from '../errors/CoreError';
import { hashSeed } from './hashSeed';

/** The JSON form of an {@link Rng}: enough to continue the exact same sequence. */
export interface RngState {
  readonly key: number;
  readonly words: readonly number[];
}

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;

/**
 * A seeded random stream with a serialisable state.
 *
 * Streams are addressed, not consumed: `rng.stream('sample', trialId)` depends only on this
 * stream's key and the given labels, never on how many numbers were drawn before. This is what
 * makes a trial's randomness independent of the number of workers and of the order of tells.
 */
export class Rng {
  /** The 32-bit key this stream was built from; children are derived from it. */
  readonly key: number;
  private readonly generator: JumpableRandomGenerator;

  private constructor(key: number, generator: JumpableRandomGenerator) {
    this.key = key;
    this.generator = generator;
  }

  /** A root stream. `seed` must be an integer in [0, 2^32). */
  static seeded(seed: number): Rng {
    assertSeed(seed, 'seed');
    return new Rng(seed >>> 0, xoroshiro128plus(seed | 0));
  }

  /** Continues exactly where `state` was taken. */
  static fromState(state: RngState): Rng {
    if (
      typeof state !== 'object' ||
      state === null ||
      !Number.isInteger(state.key) ||
      !Array.isArray(state.words) ||
      state.words.length !== 4 ||
      !state.words.every(Number.isInteger)
    ) {
      throw new CoreError('invalid-state', 'random state must be {key: integer, words: [4 integers]}', { parameter: 'rng' });
    }
    return new Rng(state.key >>> 0, xoroshiro128plusFromState(state.words));
  }

  /** An independent child stream named by `labels` (strings or integers). */
  stream(...labels: readonly (string | number)[]): Rng {
    const key = hashSeed(this.key, labels);
    return new Rng(key, xoroshiro128plus(key | 0));
  }

  /** A 32-bit seed for a component that takes plain seeds (e.g. a benchmark's noise). */
  seedFor(...labels: readonly (string | number)[]): number {
    return hashSeed(this.key, labels);
  }

  state(): RngState {
    return { key: this.key, words: [...this.generator.getState()] };
  }

  clone(): Rng {
    return new Rng(this.key, this.generator.clone());
  }

  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number {
    return this.generator.next() >>> 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const high = this.generator.next() >>> 5; // 27 bits
    const low = this.generator.next() >>> 6; // 26 bits
    return (high * 67108864 + low) / TWO_POW_53;
  }

  /** Uniform in [low, high). */
  uniformIn(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Uniform integer in [low, high], both inclusive; unbiased (rejection sampling). */
  integer(low: number, high: number): number {
    const range = high - low + 1;
    if (!Number.isInteger(low) || !Number.isInteger(high) || range <= 0 || range > TWO_POW_32) {
      throw new CoreError('invalid-argument', `integer(low, high) needs integers with low <= high and a range of at most 2^32, got [${low}, ${high}]`, {
        parameter: 'range',
      });
    }
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let draw = this.nextUint32();
    while (draw >= limit) draw = this.nextUint32();
    return low + (draw % range);
  }

  /** Uniform index into an array of `length` elements. */
  index(length: number): number {
    return this.integer(0, length - 1);
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new CoreError('invalid-argument', 'pick() needs a non-empty array', { parameter: 'items' });
    }
    return items[this.index(items.length)] as T;
  }

  /** True with probability `p`. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** Standard normal draw (Box-Muller; one uniform pair per call keeps the stream position simple). */
  normal(mean = 0, sd = 1): number {
    let u = this.uniform();
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Fisher-Yates shuffle, in place; returns `items`. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.integer(0, i);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** Index drawn with probability proportional to non-negative `weights`. */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] as number;
    if (!(total > 0) || !Number.isFinite(total)) {
      throw new CoreError('invalid-argument', 'weightedIndex() needs finite non-negative weights with a positive sum', { parameter: 'weights' });
    }
    let target = this.uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i] as number;
      if (target < 0) return i;
    }
    // Rounding can leave a tiny positive remainder: fall back to the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return i;
    return weights.length - 1;
  }
}

/** Throws unless `seed` is an integer in [0, 2^32). */
export function assertSeed(seed: unknown, parameter: string): asserts seed is number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new CoreError('invalid-argument', `${parameter} must be an integer in [0, 4294967295], got ${String(seed)}`, {
      parameter,
      allowed: 'integers 0..4294967295',
    });
  }
}
