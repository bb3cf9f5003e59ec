import { Rng, type Configuration, type JsonValue, type SearchSpace } from '@jahskit/core';
import { z } from 'zod';
import { trialStream } from '../trialStream';
import type { ConfigSampler } from './ConfigSampler';

/** Prior draws; trial t from the stream `(seed, 'trial', t)`. */
export class RandomSampler implements ConfigSampler {
  private readonly root: Rng;

  constructor(
    readonly space: SearchSpace,
    seed: number,
  ) {
    this.root = Rng.seeded(seed);
  }

  sample(id: number): Configuration {
    return this.space.sample(trialStream(this.root, id));
  }

  observe(): void {}

  state(): JsonValue {
    return null;
  }

  readonly stateSchema = z.null();

  restore(): void {}
}
