import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BenchmarkError } from '../errors/BenchmarkError';
import { NB201_DATA_SHA256, nb201DataPaths } from './nb201DataFile';

/** The number of cells: 5 operations on 6 edges. */
export const NB201_CELLS = 15_625;

/**
 * The bundled NAS-Bench-201 table: one typed array per column, rows ordered by the cell's base-5 code
 * (edge 0->1 most significant, operations coded as in `NB201_OPS`). Float32 columns; NaN marks a
 * value the sources do not record (latency of disconnected cells, the third seed of 2-seed cells).
 */
export interface Nb201Table {
  readonly columns: ReadonlyMap<string, Float32Array>;
  /** The official NAS-Bench-201 index (row of the CSV / `arch_index`) of each code. */
  readonly archIndex: Uint16Array;
}

interface HeaderColumn {
  readonly name: string;
  readonly dtype: 'float32' | 'uint16';
  readonly offset: number;
}

let loading: Promise<Nb201Table> | undefined;

/** Loads the table once per process (about 1.8 MB), checking its SHA-256 against the built-in constant. */
export function loadNb201Table(): Promise<Nb201Table> {
  loading ??= readTable().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function readTable(): Promise<Nb201Table> {
  const paths = nb201DataPaths();
  let bytes: Buffer;
  let header: { rows: number; columns: HeaderColumn[] };
  try {
    [bytes, header] = await Promise.all([readFile(paths.table), readFile(paths.header, 'utf8').then((t) => JSON.parse(t) as typeof header)]);
  } catch (error) {
    throw new BenchmarkError('missing-data', `the bundled NAS-Bench-201 table cannot be read (${(error as Error).message}); reinstall @jahskit/benchmarks or rebuild it with scripts/build-nb201-data.py`, {
      parameter: paths.table,
      cause: error,
    });
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== NB201_DATA_SHA256 || header.rows !== NB201_CELLS) {
    throw new BenchmarkError('corrupt-data', `${paths.table} has SHA-256 ${actual}, expected ${NB201_DATA_SHA256}: reinstall @jahskit/benchmarks`, {
      parameter: paths.table,
      allowed: `SHA-256 ${NB201_DATA_SHA256}`,
    });
  }
  // Copy into an own, aligned buffer: Node's pooled Buffers may start at any byte offset.
  const buffer = new Uint8Array(bytes).buffer;
  const columns = new Map<string, Float32Array>();
  let archIndex: Uint16Array | undefined;
  for (const column of header.columns) {
    if (column.dtype === 'uint16') archIndex = new Uint16Array(buffer, column.offset, NB201_CELLS);
    else columns.set(column.name, new Float32Array(buffer, column.offset, NB201_CELLS));
  }
  if (archIndex === undefined) throw new BenchmarkError('corrupt-data', `${paths.header} lists no arch_index column`, { parameter: paths.header });
  return { columns, archIndex };
}
