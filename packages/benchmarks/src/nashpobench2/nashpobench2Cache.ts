import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NASHPOBENCH2_CELL_COUNT, NASHPOBENCH2_SEED_COUNT, type Nashpobench2Table } from './Nashpobench2Table';

/** Bumped whenever the layout changes, so old caches are ignored. */
const FORMAT = 'jahskit-nashpobench2-cache-v1';

interface CacheHeader {
  readonly format: string;
  readonly key: string;
  readonly hashes: readonly string[];
  readonly seeds: readonly number[];
  readonly byteLength: number;
}

/** File names of the cache for a key (the SHA-256 digests of the three pickles). */
export function nashpobench2CacheFiles(cacheDir: string, key: string): { readonly header: string; readonly data: string } {
  const stem = join(cacheDir, `nashpobench2-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
  return { header: `${stem}.json`, data: `${stem}.bin` };
}

/** The cache key: the format and the three files' SHA-256 digests. */
export function nashpobench2CacheKey(digests: readonly string[]): string {
  return `${FORMAT}:${digests.join(':')}`;
}

// Arrays in the order they are laid out: 8-byte elements first, so every view is aligned.
function parts(t: Nashpobench2Table): ArrayBufferView[] {
  return [t.acc, t.totals, t.avg200, t.cellHash, t.epochTime, t.present];
}

/** Writes the table atomically (temporary file, then rename); returns false when the folder is not writable. */
export async function writeNashpobench2Cache(cacheDir: string, key: string, table: Nashpobench2Table): Promise<boolean> {
  const files = nashpobench2CacheFiles(cacheDir, key);
  const chunks = parts(table).map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const header: CacheHeader = { format: FORMAT, key, hashes: table.hashes, seeds: table.seeds, byteLength: chunks.reduce((n, c) => n + c.byteLength, 0) };
  try {
    await mkdir(cacheDir, { recursive: true });
    const suffix = `.${process.pid}.tmp`;
    await writeFile(files.data + suffix, chunks);
    await writeFile(files.header + suffix, JSON.stringify(header));
    await rename(files.data + suffix, files.data);
    await rename(files.header + suffix, files.header);
    return true;
  } catch {
    return false;
  }
}

/** Reads a cache written for `key`; undefined when absent, of another key or format, or truncated. */
export async function readNashpobench2Cache(cacheDir: string, key: string): Promise<Nashpobench2Table | undefined> {
  const files = nashpobench2CacheFiles(cacheDir, key);
  let header: CacheHeader;
  let bytes: Buffer;
  try {
    header = JSON.parse(await readFile(files.header, 'utf8')) as CacheHeader;
    if (header.format !== FORMAT || header.key !== key) return undefined;
    bytes = await readFile(files.data);
  } catch {
    return undefined;
  }
  if (bytes.byteLength !== header.byteLength) return undefined;
  const buffer = new Uint8Array(bytes).buffer;
  const blocks = header.hashes.length * 48;
  const rows = blocks * NASHPOBENCH2_SEED_COUNT;
  let offset = 0;
  const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, length: number, size: number): T => {
    const view = make(buffer, offset, length);
    offset += length * size;
    return view;
  };
  const acc = take((b, o, n) => new Float64Array(b, o, n), rows * 36, 8);
  const totals = take((b, o, n) => new Float64Array(b, o, n), rows * 3, 8);
  const avg200 = take((b, o, n) => new Float64Array(b, o, n), blocks, 8);
  const cellHash = take((b, o, n) => new Int32Array(b, o, n), NASHPOBENCH2_CELL_COUNT, 4);
  const epochTime = take((b, o, n) => new Float32Array(b, o, n), rows * 36, 4);
  const present = take((b, o, n) => new Uint8Array(b, o, n), rows, 1);
  if (offset !== header.byteLength) return undefined;
  return { hashes: header.hashes, seeds: header.seeds, acc, totals, avg200, cellHash, epochTime, present };
}
