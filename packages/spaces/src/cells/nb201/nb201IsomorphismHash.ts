import type { Configuration } from '@jahskit/core';
import { SpaceError } from '../../errors/SpaceError';
import { formatValue } from '../../errors/formatValue';
import { NB201_OPS } from './nb201Space';
import { nb201OpIndices } from './nb201OpIndices';

/** Incoming edges of nodes 1..3 as [edge position, source node]. */
const INCOMING = [
  [[0, 0]],
  [
    [1, 0],
    [2, 1],
  ],
  [
    [3, 0],
    [4, 1],
    [5, 2],
  ],
] as const;

function codesOf(cell: readonly number[] | Configuration): readonly number[] {
  if (!Array.isArray(cell)) return nb201OpIndices(cell as Configuration);
  if (cell.length !== 6 || !cell.every((c) => Number.isInteger(c) && c >= 0 && c <= 4)) {
    throw new SpaceError('illegal-value', { parameter: 'ops', problem: `${formatValue(cell)} is not 6 op codes`, allowed: '6 integers in 0..4' });
  }
  return cell;
}

/**
 * A canonical string shared exactly by isomorphic NAS-Bench-201 cells (computationally equivalent
 * ones): over all 15,625 cells there are 6,466 distinct values, the number in the NB201 paper.
 *
 * It is NB201's own reference definition (`Structure.to_unique_str(consider_zero=True)`): node 0
 * is "0"; every other node is the sorted, "+"-joined list of its inputs, where an edge contributes
 * "#" when its op is `none` or its source is exactly "#", the source's own string when the op is
 * `skip_connect` (identity), and "(source)@op" otherwise. Nodes that cannot reach the output simply
 * never appear in the output's string. Cells with no input-to-output path (341 of them) fall into
 * 5 classes under this definition (use {@link nb201IsConnected} to single them out).
 *
 * `cell` is either the six op codes or a configuration of `nb201Space()`.
 */
export function nb201IsomorphismHash(cell: readonly number[] | Configuration): string {
  const codes = codesOf(cell);
  const nodes: string[] = ['0'];
  for (const incoming of INCOMING) {
    const parts: string[] = [];
    for (const [edge, source] of incoming) {
      const code = codes[edge] as number;
      const input = nodes[source] as string;
      if (code === 0 || input === '#') parts.push('#');
      else if (code === 1) parts.push(input);
      else parts.push(`(${input})@${NB201_OPS[code]}`);
    }
    nodes.push(parts.sort().join('+'));
  }
  return nodes[3] as string;
}

/** Whether the cell has a path of non-`none` edges from the input (node 0) to the output (node 3). */
export function nb201IsConnected(cell: readonly number[] | Configuration): boolean {
  const codes = codesOf(cell);
  const reach = [true, false, false, false];
  for (let j = 1; j <= 3; j++) {
    for (const [edge, source] of INCOMING[j - 1] as readonly (readonly [number, number])[]) {
      if (reach[source] === true && codes[edge] !== 0) reach[j] = true;
    }
  }
  return reach[3] === true;
}
