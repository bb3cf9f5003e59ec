import type { DataFiles } from '../data/DataFiles';
import { BenchmarkError } from '../errors/BenchmarkError';
import { packageDataFiles } from '../internal/packageDataPath';
import { sha256Hex } from '../internal/sha256Hex';
import { NB201_DATA_SHA256 } from './nb201DataFile';

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

/**
 * Loads the table (about 1.8 MB, `nb201.bin` and its header `nb201.json`), checking its SHA-256
 * against the built-in constant. By default the package's own copy, read from disk once per process;
 * elsewhere (a browser) from the files given, e.g. `dataFilesAt(url)` where the `data/nb201` folder
 * is served.
 */
export function loadNb201Table(files?: DataFiles): Promise<Nb201Table> {
  if (files !== undefined) return readTable(files);
  loading ??= Promise.resolve()
    .then(() => readTable(packageDataFiles('nb201')))
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

async function readTable(files: DataFiles): Promise<Nb201Table> {
  const table = `${files.location.replace(/[\\/]?$/, '/')}nb201.bin`;
  const headerName = `${files.location.replace(/[\\/]?$/, '/')}nb201.json`;
  let bytes: Uint8Array;
  let header: { rows: number; columns: HeaderColumn[] };
  try {
    [bytes, header] = await Promise.all([
      files.read('nb201.bin'),
      files.read('nb201.json').then((b) => JSON.parse(new TextDecoder().decode(b)) as typeof header),
    ]);
  } catch (error) {
    throw new BenchmarkError(
      'missing-data',
      `the bundled NAS-Bench-201 table cannot be read (${(error as Error).message}); reinstall @jahskit/benchmarks or rebuild it with scripts/build-nb201-data.py`,
      {
        parameter: table,
        cause: error,
      },
    );
  }
  const actual = await sha256Hex(bytes);
  if (actual !== NB201_DATA_SHA256 || header.rows !== NB201_CELLS) {
    throw new BenchmarkError('corrupt-data', `${table} has SHA-256 ${actual}, expected ${NB201_DATA_SHA256}: reinstall @jahskit/benchmarks`, {
      parameter: table,
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
  if (archIndex === undefined) throw new BenchmarkError('corrupt-data', `${headerName} lists no arch_index column`, { parameter: headerName });
  return { columns, archIndex };
}
