import type { Configuration, ParamValue } from '@jahskit/core';
import { SpaceError } from '../../errors/SpaceError';
import { formatValue } from '../../errors/formatValue';
import { NASHPOBENCH2_EDGE_NAMES } from './nashpobench2Space';

function digit(config: Configuration, name: string): number {
  const v = config[name];
  if (v !== 0 && v !== 1 && v !== 2 && v !== 3) {
    throw new SpaceError(v === undefined ? 'missing-parameter' : 'illegal-value', {
      parameter: name,
      problem: `${formatValue(v)} is not an op code`,
      allowed: '0 (nor_conv_3x3), 1 (avg_pool_3x3), 2 (skip_connect), 3 (none)',
    });
  }
  return v;
}

/** The cellcode "A|BC|DEF" of a configuration (only the six edge parameters are read). */
export function nashpobench2CellCode(config: Configuration): string {
  const d = NASHPOBENCH2_EDGE_NAMES.map((name) => digit(config, name));
  return `${d[0]}|${d[1]}${d[2]}|${d[3]}${d[4]}${d[5]}`;
}

const PATTERN = /^([0-3])\|([0-3])([0-3])\|([0-3])([0-3])([0-3])$/;

/** The six edge values of a cellcode "A|BC|DEF" (digits 0..3). */
export function parseNashpobench2CellCode(cellcode: string): Configuration {
  const match = typeof cellcode === 'string' ? PATTERN.exec(cellcode) : null;
  if (match === null) {
    throw new SpaceError('illegal-value', {
      parameter: 'cellcode',
      problem: `${formatValue(cellcode)} is not a cellcode`,
      allowed: 'strings "A|BC|DEF" of digits 0..3 (0 nor_conv_3x3, 1 avg_pool_3x3, 2 skip_connect, 3 none)',
    });
  }
  const out: Record<string, ParamValue> = {};
  NASHPOBENCH2_EDGE_NAMES.forEach((name, i) => {
    out[name] = Number(match[i + 1]);
  });
  return out;
}
