import { homedir } from 'node:os';
import { join } from 'node:path';
import { sha256File } from '../internal/sha256File';
import { nashpobench2CacheKey, readNashpobench2Cache, writeNashpobench2Cache } from './nashpobench2Cache';
import { NASHPOBENCH2_FILES, nashpobench2MissingData, nashpobench2Paths } from './nashpobench2DataFiles';
import type { Nashpobench2Table } from './Nashpobench2Table';
import { readNashpobench2Pickles } from './readNashpobench2Pickles';

const loaded = new Map<string, Promise<Nashpobench2Table>>();

/** Where caches go: the option, else `<dataDir>/.jahskit-cache`, falling back to `~/.cache/jahskit`. */
function nashpobench2CacheDirs(dataDir: string, cacheDir: string | undefined): string[] {
  return cacheDir !== undefined ? [cacheDir] : [join(dataDir, '.jahskit-cache'), join(homedir(), '.cache', 'jahskit')];
}

/**
 * The table of the pickles in `dataDir`: from memory, else from a cache keyed by the files' SHA-256,
 * else converted from the pickles (a one-off that takes a while on the full data) and cached.
 */
export async function loadNashpobench2(dataDir: string, cacheDir?: string): Promise<Nashpobench2Table> {
  const paths = nashpobench2Paths(dataDir);
  const digests = await Promise.all(NASHPOBENCH2_FILES.map((name) => sha256File(paths[name])));
  const missing = NASHPOBENCH2_FILES.filter((_, i) => digests[i] === undefined);
  if (missing.length > 0) throw nashpobench2MissingData(dataDir, missing);
  const key = nashpobench2CacheKey(digests.map((d) => d!.sha256));
  let table = loaded.get(key);
  if (table === undefined) {
    table = convertOrRead(dataDir, key, nashpobench2CacheDirs(dataDir, cacheDir));
    loaded.set(key, table);
    table.catch(() => loaded.delete(key));
  }
  return table;
}

async function convertOrRead(dataDir: string, key: string, cacheDirs: readonly string[]): Promise<Nashpobench2Table> {
  for (const dir of cacheDirs) {
    const cached = await readNashpobench2Cache(dir, key);
    if (cached !== undefined) return cached;
  }
  const table = await readNashpobench2Pickles(dataDir);
  for (const dir of cacheDirs) if (await writeNashpobench2Cache(dir, key, table)) break;
  return table;
}
