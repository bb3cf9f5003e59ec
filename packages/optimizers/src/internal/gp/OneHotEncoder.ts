import type { Configuration, SearchSpace } from '@jahskit/core';

/** Model input value of an inactive numeric parameter: outside [0, 1], so no active value shares it. */
const INACTIVE_NUMERIC = -0.5;

/**
 * The model encoding of configurations shared by the surrogate-based optimizers (GP-BO, BANANAS):
 * built from `space.parameters` on top of the ConfigSpace vector of `space.encode`.
 *
 * - categorical: one-hot over the choices (all zeros when inactive);
 * - ordinal: position / (length - 1) in [0, 1];
 * - integer, float: the vector value in [0, 1] (log-aware, as `encode` gives it);
 * - inactive ordinal/integer/float: {@link INACTIVE_NUMERIC} (-0.5), a fixed value outside the
 *   active range, so "inactive" is a distinct level the kernel or network can learn;
 * - constant: no column.
 *
 * `groups[c]` is the index of the parameter that column c belongs to (among the encoded parameters),
 * so a GP can share one ARD length scale across a categorical's one-hot columns.
 */
export class OneHotEncoder {
  readonly width: number;
  /** Parameter group of each column (length `width`). */
  readonly groups: Int32Array;
  /** Number of groups (encoded parameters). */
  readonly groupCount: number;
  private readonly layout: { readonly kind: 'onehot' | 'numeric' | 'ordinal' | 'skip'; readonly offset: number; readonly size: number }[];

  constructor(readonly space: SearchSpace) {
    let offset = 0;
    const groups: number[] = [];
    let group = 0;
    this.layout = space.parameters.map((spec) => {
      let kind: 'onehot' | 'numeric' | 'ordinal' | 'skip';
      let size: number;
      if (spec.type === 'categorical') [kind, size] = ['onehot', spec.choices.length];
      else if (spec.type === 'ordinal') [kind, size] = ['ordinal', 1];
      else if (spec.type === 'constant') [kind, size] = ['skip', 0];
      else [kind, size] = ['numeric', 1];
      const entry = { kind, offset, size };
      for (let i = 0; i < size; i++) groups.push(group);
      if (size > 0) group++;
      offset += size;
      return entry;
    });
    this.width = offset;
    this.groups = Int32Array.from(groups);
    this.groupCount = group;
  }

  /** Writes the encoding of `config` into `out` at `offset` (width entries). */
  encodeInto(config: Configuration, out: Float64Array, offset: number): void {
    const vector = this.space.encode(config);
    out.fill(0, offset, offset + this.width);
    for (let p = 0; p < this.layout.length; p++) {
      const entry = this.layout[p]!;
      const v = vector[p] as number;
      const at = offset + entry.offset;
      if (entry.kind === 'onehot') {
        if (!Number.isNaN(v)) out[at + v] = 1;
      } else if (entry.kind === 'ordinal') {
        const spec = this.space.parameters[p]!;
        const last = spec.type === 'ordinal' ? spec.sequence.length - 1 : 1;
        out[at] = Number.isNaN(v) ? INACTIVE_NUMERIC : last > 0 ? v / last : 0;
      } else if (entry.kind === 'numeric') {
        out[at] = Number.isNaN(v) ? INACTIVE_NUMERIC : v;
      }
    }
  }

  /** Row-major encodings of `configs` (configs.length x width). */
  encodeAll(configs: readonly Configuration[]): Float64Array {
    const out = new Float64Array(configs.length * this.width);
    for (let i = 0; i < configs.length; i++) this.encodeInto(configs[i]!, out, i * this.width);
    return out;
  }
}
