import type { Configuration, ParameterSpec, SearchSpace } from '@jahskit/core';

/**
 * Real-valued features of configurations for the surrogate models (GP, MLP): categoricals one-hot,
 * ordinals their index scaled to [0, 1], numbers their [0, 1] (log-aware) encoding, constants
 * dropped. Inactive parameters give zeros, so configurations with different active sets stay
 * comparable without imputation.
 */
export class FeatureEncoder {
  readonly width: number;
  private readonly offsets: Int32Array;
  private readonly specs: readonly ParameterSpec[];

  constructor(readonly space: SearchSpace) {
    this.specs = space.parameters;
    this.offsets = new Int32Array(this.specs.length);
    let width = 0;
    this.specs.forEach((p, j) => {
      this.offsets[j] = width;
      width += p.type === 'categorical' ? p.choices.length : p.type === 'constant' ? 0 : 1;
    });
    this.width = width;
  }

  encodeInto(config: Configuration, out: Float64Array, offset: number): void {
    const v = this.space.encode(config);
    out.fill(0, offset, offset + this.width);
    this.specs.forEach((p, j) => {
      const x = v[j] as number;
      if (Number.isNaN(x) || p.type === 'constant') return;
      const at = offset + (this.offsets[j] as number);
      if (p.type === 'categorical') out[at + x] = 1;
      else if (p.type === 'ordinal') out[at] = p.sequence.length > 1 ? x / (p.sequence.length - 1) : 0;
      else out[at] = x;
    });
  }

  encodeAll(configs: readonly Configuration[]): Float64Array {
    const out = new Float64Array(configs.length * this.width);
    configs.forEach((c, i) => this.encodeInto(c, out, i * this.width));
    return out;
  }
}
