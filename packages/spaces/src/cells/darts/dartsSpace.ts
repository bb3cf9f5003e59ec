import type { ParameterRole } from '@jahskit/core';
import type { Condition } from '../../conditions/Condition';
import { CategoricalHyperparameter } from '../../hyperparameters/CategoricalHyperparameter';
import type { Hyperparameter } from '../../hyperparameters/Hyperparameter';
import { IntegerHyperparameter } from '../../hyperparameters/IntegerHyperparameter';
import { ConfigurationSpace } from '../../space/ConfigurationSpace';

/** The DARTS operations, in the order of the NB301 ConfigSpace (the first is the default). */
export const DARTS_OPS = ['max_pool_3x3', 'avg_pool_3x3', 'skip_connect', 'sep_conv_3x3', 'sep_conv_5x5', 'dil_conv_3x3', 'dil_conv_5x5'] as const;

/** Prefix of every NB301 parameter name (auto-sklearn style: `NetworkSelectorDatasetInfo:darts:`). */
export const NB301_PREFIX = 'NetworkSelectorDatasetInfo_COLON_darts_COLON_';

/** The NB301 fidelity parameter (training epochs of the surrogate, 1..98). */
export const NB301_FIDELITY = 'epoch';

export type DartsCell = 'normal' | 'reduce';

/** Name of the op parameter of edge 0..13 of a cell. */
export function dartsEdgeName(cell: DartsCell, edge: number): string {
  return `${NB301_PREFIX}edge_${cell}_${edge}`;
}

/** Name of the input-pair parameter of intermediate node 3, 4 or 5 of a cell. */
export function dartsInputsName(cell: DartsCell, node: 3 | 4 | 5): string {
  return `${NB301_PREFIX}inputs_node_${cell}_${node}`;
}

/**
 * Edges of the DARTS cell: intermediate node n (2..5) takes edges from every earlier node
 * 0..n-1; node 2's edges (0, 1) are always used, nodes 3..5 use the 2 edges named by their
 * `inputs_node` parameter ("i_j" = from nodes i and j).
 */
const NODE_EDGES: Record<3 | 4 | 5, { first: number; sources: number }> = {
  3: { first: 2, sources: 3 },
  4: { first: 5, sources: 4 },
  5: { first: 9, sources: 5 },
};

function pairs(sources: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < sources; i++) for (let j = i + 1; j < sources; j++) out.push(`${i}_${j}`);
  return out;
}

/** Edge order of the NB301 file: numeric 0, 1, then the remaining edges in string order (10..13, 2..9). */
const LATE_EDGES = [10, 11, 12, 13, 2, 3, 4, 5, 6, 7, 8, 9];
/** Condition order of the NB301 file: by node, with edge 9 after 10..13. */
const CONDITION_EDGES = [2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 9];

function nodeOf(edge: number): 3 | 4 | 5 {
  return edge < 5 ? 3 : edge < 9 ? 4 : 5;
}

/**
 * The full NB301 space of the YAHPO Gym v2 surrogate, as in its ConfigSpace JSON (bundled as a
 * test fixture and checked equal to this): 34 categorical parameters (14 edge ops and 3 input
 * pairs per cell) plus the fidelity `epoch` (integer 1..98), 24 IN conditions, no forbiddens,
 * in the file's parameter order.
 */
export function nb301ConfigSpace(): ConfigurationSpace {
  return nb301Space(undefined);
}

/** The NB301 space; `role` marks the cell parameters (the bundled ConfigSpace JSON has no roles). */
function nb301Space(role: ParameterRole | undefined): ConfigurationSpace {
  const cells: DartsCell[] = ['normal', 'reduce'];
  const labels = role === undefined ? {} : { role };
  const op = (cell: DartsCell, edge: number): Hyperparameter => new CategoricalHyperparameter(dartsEdgeName(cell, edge), DARTS_OPS, labels);
  const parameters: Hyperparameter[] = [];
  for (const cell of cells) parameters.push(op(cell, 0), op(cell, 1));
  for (const cell of cells) {
    for (const node of [3, 4, 5] as const) {
      parameters.push(new CategoricalHyperparameter(dartsInputsName(cell, node), pairs(NODE_EDGES[node].sources), labels));
    }
  }
  parameters.push(new IntegerHyperparameter(NB301_FIDELITY, 1, 98, { default: 1 }));
  for (const cell of cells) for (const edge of LATE_EDGES) parameters.push(op(cell, edge));
  const conditions: Condition[] = [];
  for (const cell of cells) {
    for (const edge of CONDITION_EDGES) {
      const node = nodeOf(edge);
      const source = edge - NODE_EDGES[node].first;
      const values = pairs(NODE_EDGES[node].sources).filter((p) => p.split('_').includes(String(source)));
      conditions.push(Object.freeze({ type: 'IN', child: dartsEdgeName(cell, edge), parent: dartsInputsName(cell, node), values: Object.freeze(values) }));
    }
  }
  return new ConfigurationSpace({ parameters, conditions });
}

/**
 * The DARTS architecture space of NB301: {@link nb301ConfigSpace} without the fidelity `epoch`, every
 * parameter (edge operations, node inputs) marked with the role 'architecture'.
 */
export function dartsSpace(): ConfigurationSpace {
  return nb301Space('architecture').without([NB301_FIDELITY]);
}

/** The NB301 fidelity space: `epoch`, integer 1..98 (default 98, the full budget). */
export function nb301FidelitySpace(): ConfigurationSpace {
  return new ConfigurationSpace({ name: 'nb301-fidelity', parameters: [new IntegerHyperparameter(NB301_FIDELITY, 1, 98, { default: 98 })] });
}
