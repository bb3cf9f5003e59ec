import type { Configuration, SearchSpace } from '@jahskit/core';
import { NB201_EDGE_NAMES, NB201_OPS } from '@jahskit/spaces';

/** The input-to-output routes of the NAS-Bench-201 cell (nodes 0..3), as lists of edge parameters. */
const ROUTES: readonly (readonly string[])[] = [['op_0_3'], ['op_0_1', 'op_1_3'], ['op_0_2', 'op_2_3'], ['op_0_1', 'op_1_2', 'op_2_3']];
/** Operations that carry a signal: a path through `none` does not exist. */
const LIVE_OPS = NB201_OPS.filter((op) => op !== 'none');

/**
 * The path encoding of BANANAS (White, Neiswanger & Savani 2021, section 4) for NAS-Bench-201 cells:
 * one binary feature per sequence of operations along an input-to-output path; a feature is 1 when
 * some route of the cell carries that sequence. Paths through `none` are dropped (they carry
 * nothing), leaving 4 + 4^2 + 4^3 = 84 features. Isomorphic cells that differ only on dead edges
 * share most features, which is the encoding's point.
 *
 * {@link Nb201PathEncoder.supports} recognises the space of `nb201Space()` from `@jahskit/spaces`:
 * exactly the six categorical edges `op_<from>_<to>` with the official operation names.
 */
export class Nb201PathEncoder {
  readonly width = 4 + 16 + 64;

  static supports(space: SearchSpace): boolean {
    if (space.parameters.length !== NB201_EDGE_NAMES.length) return false;
    return NB201_EDGE_NAMES.every((name) => {
      const spec = space.parameters.find((p) => p.name === name);
      return spec?.type === 'categorical' && spec.choices.length === NB201_OPS.length && NB201_OPS.every((op) => spec.choices.includes(op));
    });
  }

  encodeInto(config: Configuration, out: Float64Array, offset: number): void {
    out.fill(0, offset, offset + this.width);
    for (const route of ROUTES) {
      let index = 0;
      let live = true;
      for (const edge of route) {
        const op = LIVE_OPS.indexOf(config[edge] as (typeof LIVE_OPS)[number]);
        if (op < 0) {
          live = false;
          break;
        }
        index = index * 4 + op;
      }
      if (!live) continue;
      const base = route.length === 1 ? 0 : route.length === 2 ? 4 : 20;
      out[offset + base + index] = 1;
    }
  }

  encodeAll(configs: readonly Configuration[]): Float64Array {
    const out = new Float64Array(configs.length * this.width);
    for (let i = 0; i < configs.length; i++) this.encodeInto(configs[i]!, out, i * this.width);
    return out;
  }
}
