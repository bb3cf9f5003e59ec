import { BenchmarkError } from '../errors/BenchmarkError';

interface NodeBuiltins {
  'node:crypto': typeof import('node:crypto');
  'node:fs': typeof import('node:fs');
  'node:fs/promises': typeof import('node:fs/promises');
  'node:path': typeof import('node:path');
  'node:url': typeof import('node:url');
}

/**
 * A Node built-in module, fetched when first needed through `process.getBuiltinModule` (Node 20.16+,
 * 22.3+) rather than imported: the modules of the benchmarks that also run in browsers (nb201,
 * synthetic, nb301, jahs) then import nothing of Node's, so bundlers never see `fs` or `path`.
 * Outside Node it is a 'missing-data' error saying what to pass instead.
 */
export function nodeBuiltin<K extends keyof NodeBuiltins>(id: K, what: string): NodeBuiltins[K] {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof get !== 'function') {
    throw new BenchmarkError(
      'missing-data',
      `${what} reads files from disk, which needs Node.js 20.16 or later; elsewhere (a browser) pass the data files instead, e.g. dataFilesAt(url)`,
      { parameter: what, allowed: 'Node.js >= 20.16, or data files given as DataFiles' },
    );
  }
  return get(id) as NodeBuiltins[K];
}
