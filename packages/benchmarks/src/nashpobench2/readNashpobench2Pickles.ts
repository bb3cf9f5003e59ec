import { readFile } from 'node:fs/promises';
import { NASHPOBENCH2_BATCH_SIZES, NASHPOBENCH2_LRS, nashpobench2CellIndex } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import { nashpobench2Paths } from './nashpobench2DataFiles';
import { NASHPOBENCH2_CELL_COUNT, NASHPOBENCH2_MODES, NASHPOBENCH2_SEED_COUNT, type Nashpobench2Table } from './Nashpobench2Table';
import { unpickle } from './unpickle';

type Column = Readonly<Record<string, unknown>>;

/**
 * Reads the three official pickles (shapes: STRUCTURE of the upstream api.py, see
 * docs/benchmarks/nashpobench2.md) into typed arrays. The pickles are parsed, never executed.
 */
export async function readNashpobench2Pickles(dir: string): Promise<Nashpobench2Table> {
  const paths = nashpobench2Paths(dir);
  const load = async (name: keyof typeof paths): Promise<Record<string, unknown>> => {
    const value = unpickle(await readFile(paths[name]), paths[name]);
    if (typeof value !== 'object' || value === null) throw corrupt(paths[name], 'is not a pickled dict');
    return value as Record<string, unknown>;
  };
  const [bench12, cellinfo, avgaccs200] = [await load('bench12.pkl'), await load('cellinfo.pkl'), await load('avgaccs200.pkl')];
  const hashByCode = dict(cellinfo['hash'], paths['cellinfo.pkl'], "['hash']");
  const avg = dict(avgaccs200['avg_acc'], paths['avgaccs200.pkl'], "['avg_acc']");
  const column = (name: string): Column => dict(bench12[name], paths['bench12.pkl'], `['${name}']`);

  const lrCol = column('lr');
  const bsCol = column('batch_size');
  const seedCol = column('seed');
  const keys = Object.keys(lrCol);
  const seeds = [...new Set(keys.map((k) => seedCol[k] as number))].sort((a, b) => a - b);
  if (seeds.length > NASHPOBENCH2_SEED_COUNT || seeds.some((s) => typeof s !== 'number')) {
    throw corrupt(
      paths['bench12.pkl'],
      `has seeds ${seeds.slice(0, 5).map(show).join(', ')}; expected at most ${NASHPOBENCH2_SEED_COUNT} numbers (222, 555, 888)`,
    );
  }
  const lrIndex = new Map<unknown, number>(NASHPOBENCH2_LRS.map((v, i) => [v, i]));
  const bsIndex = new Map<unknown, number>(NASHPOBENCH2_BATCH_SIZES.map((v, i) => [v, i]));

  // The hash classes with results, in order of first appearance in bench12, then avgaccs200.
  const hashIndex = new Map<string, number>();
  const hashOfKey = (key: string, suffixParts: readonly unknown[], file: string): number => {
    const suffix = `,${suffixParts.join(',')}`;
    if (!key.endsWith(suffix)) throw corrupt(file, `row key "${key}" does not end with its column values "${suffix}"`);
    const h = key.slice(0, key.length - suffix.length);
    let i = hashIndex.get(h);
    if (i === undefined) hashIndex.set(h, (i = hashIndex.size));
    return i;
  };
  const rowKeys: { key: string; h: number; l: number; b: number; s: number }[] = [];
  for (const key of keys) {
    const [lr, bs, seed] = [lrCol[key], bsCol[key], seedCol[key]];
    const l = lrIndex.get(lr);
    const b = bsIndex.get(bs);
    if (l === undefined) throw corrupt(paths['bench12.pkl'], `row ${key}: lr ${show(lr)} is not one of ${NASHPOBENCH2_LRS.join(', ')}`);
    if (b === undefined) throw corrupt(paths['bench12.pkl'], `row ${key}: batch_size ${show(bs)} is not one of ${NASHPOBENCH2_BATCH_SIZES.join(', ')}`);
    rowKeys.push({ key, h: hashOfKey(key, [lr, bs, seed], paths['bench12.pkl']), l, b, s: seeds.indexOf(seed as number) });
  }
  const avgKeys: { key: string; h: number; l: number; b: number }[] = [];
  for (const key of Object.keys(avg)) {
    const parts = key.split(',');
    const lr = Number(parts[parts.length - 2]);
    const bs = Number(parts[parts.length - 1]);
    const l = lrIndex.get(lr);
    const b = bsIndex.get(bs);
    if (l === undefined || b === undefined) throw corrupt(paths['avgaccs200.pkl'], `key ${key}: lr or batch size outside the grid`);
    avgKeys.push({ key, h: hashOfKey(key, [lr, bs], paths['avgaccs200.pkl']), l, b });
  }

  const hashes = [...hashIndex.keys()];
  const blocks = hashes.length * 48;
  const rows = blocks * NASHPOBENCH2_SEED_COUNT;
  const present = new Uint8Array(rows);
  const acc = new Float64Array(rows * 36).fill(Number.NaN);
  const epochTime = new Float32Array(rows * 36).fill(Number.NaN);
  const totals = new Float64Array(rows * 3).fill(Number.NaN);
  const accCols = NASHPOBENCH2_MODES.flatMap((m) => Array.from({ length: 12 }, (_, i) => column(`${m}_acc_${i}`)));
  const timeCols = NASHPOBENCH2_MODES.flatMap((m) => Array.from({ length: 12 }, (_, i) => column(`${m}_time_${i}`)));
  const totalCols = ['total_train_time', 'total_trainval_time', 'total_test_time'].map(column);
  for (const { key, h, l, b, s } of rowKeys) {
    const row = ((h * 8 + l) * 6 + b) * NASHPOBENCH2_SEED_COUNT + s;
    present[row] = 1;
    for (let j = 0; j < 36; j++) {
      acc[row * 36 + j] = num(accCols[j]![key]);
      epochTime[row * 36 + j] = num(timeCols[j]![key]);
    }
    for (let j = 0; j < 3; j++) totals[row * 3 + j] = num(totalCols[j]![key]);
  }
  const avg200 = new Float64Array(blocks).fill(Number.NaN);
  for (const { key, h, l, b } of avgKeys) avg200[(h * 8 + l) * 6 + b] = num(avg[key]);

  const cellHash = new Int32Array(NASHPOBENCH2_CELL_COUNT).fill(-1);
  let cells = 0;
  for (const [cellcode, h] of Object.entries(hashByCode)) {
    let cell: number;
    try {
      cell = nashpobench2CellIndex(cellcode);
    } catch {
      throw corrupt(paths['cellinfo.pkl'], `key "${cellcode}" of ['hash'] is not a cellcode "A|BC|DEF"`);
    }
    if (typeof h !== 'string' && typeof h !== 'number' && typeof h !== 'bigint')
      throw corrupt(paths['cellinfo.pkl'], `['hash']["${cellcode}"] is ${show(h)}, not a hash`);
    cells++;
    cellHash[cell] = hashIndex.get(String(h)) ?? -1;
  }
  if (cells !== NASHPOBENCH2_CELL_COUNT) throw corrupt(paths['cellinfo.pkl'], `['hash'] has ${cells} cellcodes, expected ${NASHPOBENCH2_CELL_COUNT}`);
  return { hashes, cellHash, seeds, present, acc, epochTime, totals, avg200 };
}

function dict(value: unknown, file: string, what: string): Column {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corrupt(file, `${what} is missing or not a dict`);
  return value as Column;
}

/** A value in a message: numbers and short strings as they are, anything else by its type (it may be huge). */
function show(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? 'None' : Array.isArray(value) ? 'a list or tuple' : `a ${typeof value}`;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function corrupt(file: string, problem: string): BenchmarkError {
  return new BenchmarkError('corrupt-data', `${file} ${problem}: not the official NAS-HPO-Bench-II file`, { parameter: file });
}
