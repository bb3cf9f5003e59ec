import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The root folder of the `@jahskit/benchmarks` package. Found by walking up from this module to the
 * `package.json` of that name, because the module sits at different depths in the two layouts:
 * `src/internal/packageDataPath.ts` in the repository (tests, tsx) and `dist/index.js` once bundled.
 */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@jahskit/benchmarks') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`@jahskit/benchmarks: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** A path inside the package's shipped `data` folder. */
export function packageDataPath(...segments: string[]): string {
  return join(packageRoot(), 'data', ...segments);
}
