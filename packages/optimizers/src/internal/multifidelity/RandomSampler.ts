import { Rng, type Configuration, type JsonValue, type SearchSpace } from '@jahskit/core';
import type { ConfigSampler } from './ConfigSampler';

/** Prior draws; trial t from the stream `(seed, 'sample', t)`. */
export class RandomSampler implements ConfigSampler {
  private readonly root: Rng;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
  ) {
    this.root = Rng.seeded(seed);
  }

  sample(id: number): Configuration {
    return this.space.sample(this.root.stream('sample', id));
  }

  observe(): void {}

  state(): JsonValue {
    return null;
  }

  restore(): void {}
}
