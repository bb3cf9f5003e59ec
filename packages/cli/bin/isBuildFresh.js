// Whether a checkout's build is up to date: every workspace package's build outputs are newer than
// every file they are built from. Used by the launcher (run the build instead of the sources through
// tsx) and by the test setup (build before the packaging test packs the packages).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files a package's build reads, besides its sources: a change to any of them calls for a build. */
const BUILD_INPUTS = ['package.json', 'rolldown.config.ts'];
/** Tests and benchmarks are not built. */
const NOT_BUILT = /\.(test|bench)\.ts$|Fixtures\.ts$/;
/**
 * Nor is anything in a hidden folder: caches that tests write beside their fixtures (nashpobench2's
 * .jahskit-cache) made every build look stale after a test run, so `npm start` fell back to tsx.
 */
const HIDDEN = /(^|[\\/])\./;

/** The newest modification time under `dir` of a file that the build reads (0 when there is none). */
function newestInput(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || NOT_BUILT.test(entry.name)) continue;
    const folder = entry.parentPath ?? entry.path;
    if (HIDDEN.test(folder.slice(dir.length))) continue;
    newest = Math.max(newest, statSync(join(folder, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * `outputs(name)` lists, per package folder name, the files its build must have written; false when
 * one is missing or older than any package's inputs. Any package's: the command and the grid thread
 * bundle the sources of every package, so a change anywhere makes the build stale.
 */
export function isBuildFresh(
  packagesDir,
  outputs = (name) => (name === 'cli' ? ['dist/index.js', 'dist/bin.js', 'dist/gridWorker.js'] : ['dist/index.js', 'dist/index.cjs']),
  shared = [join(packagesDir, '..', 'rolldown.package.ts')],
) {
  let built = Infinity;
  let inputs = 0;
  // The build every package's config calls.
  for (const file of shared) {
    try {
      inputs = Math.max(inputs, statSync(file).mtimeMs);
    } catch {
      // A checkout without it builds from the packages' own configs.
    }
  }
  for (const name of readdirSync(packagesDir)) {
    const root = join(packagesDir, name);
    try {
      for (const file of outputs(name)) built = Math.min(built, statSync(join(root, file)).mtimeMs);
    } catch {
      return false;
    }
    inputs = Math.max(inputs, newestInput(join(root, 'src')));
    for (const file of BUILD_INPUTS) {
      try {
        inputs = Math.max(inputs, statSync(join(root, file)).mtimeMs);
      } catch {
        // Not every package has every config file.
      }
    }
    if (inputs >= built) return false;
  }
  return true;
}
