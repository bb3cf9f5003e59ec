import type { Configuration } from '@jahskit/core';
import { SpaceError } from '../../errors/SpaceError';
import { formatValue } from '../../errors/formatValue';
import { NB201_EDGE_NAMES, NB201_OPS } from './nb201Space';

const CODE = new Map<unknown, number>(NB201_OPS.map((op, i) => [op, i]));

/** The six official op codes (0 = none, 1 = skip_connect, 2 = nor_conv_1x1, 3 = nor_conv_3x3, 4 = avg_pool_3x3) of a cell, in edge order. */
export function nb201OpIndices(config: Configuration): number[] {
  return NB201_EDGE_NAMES.map((name) => {
    const code = CODE.get(config[name]);
    if (code === undefined) {
      throw new SpaceError(config[name] === undefined ? 'missing-parameter' : 'illegal-value', {
        parameter: name,
        problem: `${formatValue(config[name])} is not a NAS-Bench-201 operation`,
        allowed: NB201_OPS.join(', '),
      });
    }
    return code;
  });
}

/** The configuration of six op codes (in edge order). */
export function nb201FromOpIndices(codes: readonly number[]): Configuration {
  if (!Array.isArray(codes) || codes.length !== 6) {
    throw new SpaceError('wrong-type', { parameter: 'opIndices', problem: `expected 6 op codes, got ${formatValue(codes)}`, allowed: '6 integers in 0..4' });
  }
  const out: Record<string, string> = {};
  codes.forEach((code, i) => {
    const op = Number.isInteger(code) ? NB201_OPS[code] : undefined;
    if (op === undefined) {
      throw new SpaceError('illegal-value', {
        parameter: NB201_EDGE_NAMES[i] as string,
        problem: `${formatValue(code)} is not an op code`,
        allowed: NB201_OPS.map((o, c) => `${c}=${o}`).join(', '),
      });
    }
    out[NB201_EDGE_NAMES[i] as string] = op;
  });
  return out;
}

/**
 * The base-5 index of a cell: its op codes read as a base-5 number, first edge most significant
 * (so `op_indices` "421211" -> 4*5^5 + 2*5^4 + ...). This is NOT the official NB201 `arch_index`
 * (the row order of the NB201 files); a table keyed by this index needs the mapping from op codes.
 */
export function nb201Index(config: Configuration): number {
  let index = 0;
  for (const code of nb201OpIndices(config)) index = index * 5 + code;
  return index;
}

/** Inverse of {@link nb201Index}. */
export function nb201FromIndex(index: number): Configuration {
  if (!Number.isInteger(index) || index < 0 || index >= 15625) {
    throw new SpaceError('illegal-value', { parameter: 'index', problem: `${formatValue(index)} is not a cell index`, allowed: 'integers in [0, 15624]' });
  }
  const codes: number[] = new Array<number>(6);
  for (let k = 5, x = index; k >= 0; k--, x = Math.floor(x / 5)) codes[k] = x % 5;
  return nb201FromOpIndices(codes);
}
