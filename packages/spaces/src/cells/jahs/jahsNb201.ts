import type { Configuration } from '@jahskit/core';
import { SpaceError } from '../../errors/SpaceError';
import { formatValue } from '../../errors/formatValue';
import { nb201FromOpIndices, nb201OpIndices } from '../nb201/nb201OpIndices';

/** JAHS op code -> NB201 op code (JAHS 0 skip -> 1, 1 none -> 0, 2 conv3x3 -> 3, 3 conv1x1 -> 2, 4 avg_pool -> 4). */
const JAHS_TO_NB201 = [1, 0, 3, 2, 4] as const;
/** NB201 op code -> JAHS op code. */
const NB201_TO_JAHS = [1, 0, 3, 2, 4] as const;
/** For each NB201 edge (0->1, 0->2, 1->2, 0->3, 1->3, 2->3), the JAHS parameter on it. */
const NB201_EDGE_TO_JAHS = ['Op1', 'Op2', 'Op4', 'Op3', 'Op5', 'Op6'] as const;

/** The `nb201Space()` configuration of the cell of a JAHS configuration (ops and edges re-coded). */
export function jahsToNb201(config: Configuration): Configuration {
  return nb201FromOpIndices(
    NB201_EDGE_TO_JAHS.map((name) => {
      const code = JAHS_TO_NB201[config[name] as 0];
      if (code === undefined) {
        throw new SpaceError('illegal-value', { parameter: name, problem: `${formatValue(config[name])} is not a JAHS op code`, allowed: '0, 1, 2, 3, 4' });
      }
      return code;
    }),
  );
}

/** The JAHS `Op1..Op6` values of an `nb201Space()` cell. */
export function nb201ToJahs(config: Configuration): Configuration {
  const codes = nb201OpIndices(config);
  const out: Record<string, number> = {};
  // Keep Op1..Op6 order.
  const byName = new Map<string, number>(NB201_EDGE_TO_JAHS.map((name, i) => [name, NB201_TO_JAHS[codes[i] as 0]]));
  for (const name of ['Op1', 'Op2', 'Op3', 'Op4', 'Op5', 'Op6']) out[name] = byName.get(name) as number;
  return out;
}
