import { Rng, type Configuration, type JsonValue, type Observation, type SearchSpace } from '@jahskit/core';
import type { z } from 'zod';
import { configKey } from '../configKey';
import type { ConfigSampler } from '../multifidelity/ConfigSampler';
import { trialStream } from '../trialStream';
import type { ValueBook, ViolationBook } from './MoBracketOptimizer';
import { sampledRungsSchema, type SampledRungs } from './sampledRungsSchema';

/** What a bracket optimizer hands its sampler: the space, the seed, the number of objectives and the books its results go to. */
export interface RungSamplerFrame {
  readonly space: SearchSpace;
  readonly seed: number;
  readonly d: number;
  readonly book: ValueBook;
  readonly violations: ViolationBook;
}

/**
 * The frame of the multi-objective bracket samplers (MO-BOHB's, SH-EMOA's): the objective vectors of
 * the bracket optimizer's books, trial t drawing from `(seed, 'trial', t)`, a configuration handed out
 * before redrawn (up to 10 attempts in all), and the state `SampledRungs`. Subclasses write how they
 * draw and what they keep per rung.
 */
export abstract class MoRungSampler implements ConfigSampler {
  readonly stateSchema: z.ZodType<SampledRungs>;
  readonly space: SearchSpace;
  protected readonly d: number;
  protected readonly book: ValueBook;
  protected readonly violations: ViolationBook;
  private readonly root: Rng;
  /** Keys of every configuration handed out. */
  protected sampled = new Set<string>();

  protected constructor({ space, seed, d, book, violations }: RungSamplerFrame) {
    this.space = space;
    this.d = d;
    this.book = book;
    this.violations = violations;
    this.root = Rng.seeded(seed);
    this.stateSchema = sampledRungsSchema(space);
  }

  sample(id: number): Configuration {
    const rng = trialStream(this.root, id);
    let config = this.draw(rng);
    for (let attempt = 1; attempt < 10 && this.sampled.has(configKey(this.space, config)); attempt++) config = this.redraw(rng);
    this.sampled.add(configKey(this.space, config));
    return config;
  }

  /** A new configuration. */
  protected abstract draw(rng: Rng): Configuration;

  /** The next attempt after a configuration handed out before (by default, another draw). */
  protected redraw(rng: Rng): Configuration {
    return this.draw(rng);
  }

  abstract observe(id: number, config: Configuration, rung: number, value: number | undefined, observation: Observation): void;

  /** The objective vectors of trials `ids`, packed row-major. */
  protected pointsOf(ids: readonly number[]): Float64Array {
    const points = new Float64Array(ids.length * this.d);
    ids.forEach((id, i) => points.set(this.book.get(id) as readonly number[], i * this.d));
    return points;
  }

  /** Per rung, [trial id, configuration] of the members kept. */
  protected abstract savedRungs(): SampledRungs['rungs'];

  protected abstract restoreRungs(rungs: SampledRungs['rungs']): void;

  state(): JsonValue {
    const saved: SampledRungs = { sampled: [...this.sampled], rungs: this.savedRungs() };
    return saved as unknown as JsonValue;
  }

  restore(saved: SampledRungs): void {
    this.sampled = new Set(saved.sampled);
    this.restoreRungs(saved.rungs);
  }
}
