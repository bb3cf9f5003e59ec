import { dataFilesAt } from '../data/dataFilesAt';
import type { DataFiles } from '../data/DataFiles';
import { nodeBuiltin } from './nodeBuiltin';

let cachedRoot: string | undefined;

/**
 * The root folder of the `@jahskit/benchmarks` package. Found by walking up from this module to the
 * `package.json` of that name, because the module sits at different depths in the layouts:
 * `src/internal/packageDataPath.ts` in the repository (tests, tsx) and `dist/*.js` or `dist/*.cjs` once
 * built. Node only: elsewhere the error says to pass the data files.
 */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  const what = "@jahskit/benchmarks' shipped data";
  const { existsSync, readFileSync } = nodeBuiltin('node:fs', what);
  const { dirname, join } = nodeBuiltin('node:path', what);
  const here = nodeBuiltin('node:url', what).fileURLToPath(import.meta.url);
  let dir = dirname(here);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@jahskit/benchmarks') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`@jahskit/benchmarks: no package.json above ${here}`);
    dir = parent;
  }
}

/** A path inside the package's shipped `data` folder. */
export function packageDataPath(...segments: string[]): string {
  return nodeBuiltin('node:path', "@jahskit/benchmarks' shipped data").join(packageRoot(), 'data', ...segments);
}

/** The files of one shipped data folder (`data/<id>`), read from disk. */
export function packageDataFiles(id: string): DataFiles {
  return dataFilesAt(packageDataPath(id));
}
