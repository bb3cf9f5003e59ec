import type { Configuration, ParamValue } from '@jahskit/core';
import { SpaceError } from '../../errors/SpaceError';
import { formatValue } from '../../errors/formatValue';
import { nashpobench2CellCode, parseNashpobench2CellCode } from './nashpobench2CellCode';
import { NASHPOBENCH2_BATCH_SIZES, NASHPOBENCH2_EDGE_NAMES, NASHPOBENCH2_LRS } from './nashpobench2Space';

/** The key of the official API's `query_by_key(cellcode, lr, batch_size)`. */
export interface Nashpobench2Key {
  readonly cellcode: string;
  readonly lr: number;
  readonly batchSize: number;
}

const CELLS = 4096;
const PER_CELL = NASHPOBENCH2_LRS.length * NASHPOBENCH2_BATCH_SIZES.length; // 48

/**
 * Index of a cellcode among all 4,096 sorted ascending as strings (the API's `cellcodes`); since
 * every cellcode has the same shape this is its digits read as a base-4 number.
 */
export function nashpobench2CellIndex(cellcode: string): number {
  const config = parseNashpobench2CellCode(cellcode);
  let index = 0;
  for (const name of NASHPOBENCH2_EDGE_NAMES) index = index * 4 + (config[name] as number);
  return index;
}

/** All 4,096 cellcodes sorted ascending (the API's `cellcodes`). */
export function nashpobench2CellCodes(): string[] {
  return Array.from({ length: CELLS }, (_, i) => cellCodeAt(i));
}

function cellCodeAt(index: number): string {
  const d: number[] = new Array<number>(6);
  for (let k = 5, x = index; k >= 0; k--, x = Math.floor(x / 4)) d[k] = x % 4;
  return `${d[0]}|${d[1]}${d[2]}|${d[3]}${d[4]}${d[5]}`;
}

/** The API key of a configuration of `nashpobench2Space()`. */
export function nashpobench2Key(config: Configuration): Nashpobench2Key {
  return { cellcode: nashpobench2CellCode(config), lr: config['lr'] as number, batchSize: config['batch_size'] as number };
}

/** The configuration of an API key. */
export function nashpobench2FromKey(key: Nashpobench2Key): Configuration {
  lrIndex(key.lr);
  bsIndex(key.batchSize);
  return { ...parseNashpobench2CellCode(key.cellcode), lr: key.lr, batch_size: key.batchSize };
}

function lrIndex(lr: ParamValue | undefined): number {
  const i = NASHPOBENCH2_LRS.indexOf(lr as never);
  if (i < 0)
    throw new SpaceError('illegal-value', {
      parameter: 'lr',
      problem: `${formatValue(lr)} is not a benchmark learning rate`,
      allowed: NASHPOBENCH2_LRS.join(', '),
    });
  return i;
}

function bsIndex(bs: ParamValue | undefined): number {
  const i = NASHPOBENCH2_BATCH_SIZES.indexOf(bs as never);
  if (i < 0) {
    throw new SpaceError('illegal-value', {
      parameter: 'batch_size',
      problem: `${formatValue(bs)} is not a benchmark batch size`,
      allowed: NASHPOBENCH2_BATCH_SIZES.join(', '),
    });
  }
  return i;
}

/** The API's flat index: `cellIdx * 48 + lrIdx * 6 + bsIdx` (0 .. 196,607). */
export function nashpobench2FlatIndex(config: Configuration): number {
  return (
    nashpobench2CellIndex(nashpobench2CellCode(config)) * PER_CELL + lrIndex(config['lr']) * NASHPOBENCH2_BATCH_SIZES.length + bsIndex(config['batch_size'])
  );
}

/** Inverse of {@link nashpobench2FlatIndex}. */
export function nashpobench2FromFlatIndex(index: number): Configuration {
  if (!Number.isInteger(index) || index < 0 || index >= CELLS * PER_CELL) {
    throw new SpaceError('illegal-value', {
      parameter: 'index',
      problem: `${formatValue(index)} is not a flat index`,
      allowed: `integers in [0, ${CELLS * PER_CELL - 1}]`,
    });
  }
  const cell = Math.floor(index / PER_CELL);
  const rest = index % PER_CELL;
  return nashpobench2FromKey({
    cellcode: cellCodeAt(cell),
    lr: NASHPOBENCH2_LRS[Math.floor(rest / NASHPOBENCH2_BATCH_SIZES.length)] as number,
    batchSize: NASHPOBENCH2_BATCH_SIZES[rest % NASHPOBENCH2_BATCH_SIZES.length] as number,
  });
}
