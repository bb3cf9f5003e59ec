import { BenchmarkError } from '../errors/BenchmarkError';
import { nodeBuiltin } from '../internal/nodeBuiltin';
import type { DataFiles } from './DataFiles';

export interface DataFilesOptions {
  /** The fetch to use for http(s) URLs; default the global one. */
  readonly fetch?: (url: string) => Promise<{ ok: boolean; status: number; statusText: string; arrayBuffer(): Promise<ArrayBuffer> }>;
}

/**
 * The data files under a folder or a URL: a path or `file:` URL is read from disk (Node), anything
 * else is fetched. E.g. a browser app serving the package's `data/nb201` folder next to its bundle:
 * `loadNb201Table(dataFilesAt(new URL('data/nb201/', location.href)))`.
 */
export function dataFilesAt(base: string | URL, options: DataFilesOptions = {}): DataFiles {
  const url = typeof base === 'string' && !/^[a-z][a-z0-9+.-]+:/i.test(base) ? undefined : new URL(String(base));
  if (url === undefined || url.protocol === 'file:') {
    const folder = url === undefined ? (base as string) : nodeBuiltin('node:url', 'a file: URL').fileURLToPath(url);
    return {
      location: folder,
      read: async (name) => {
        checkName(name, folder);
        const path = nodeBuiltin('node:path', `reading ${folder}`).join(folder, name);
        try {
          return await nodeBuiltin('node:fs/promises', `reading ${folder}`).readFile(path);
        } catch (error) {
          throw new BenchmarkError('missing-data', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
            parameter: path,
            cause: error,
          });
        }
      },
    };
  }
  const folder = url.href.endsWith('/') ? url : new URL(`${url.href}/`);
  const get = options.fetch ?? globalThis.fetch;
  return {
    location: folder.href,
    read: async (name) => {
      checkName(name, folder.href);
      const file = new URL(name, folder).href;
      let response: Awaited<ReturnType<NonNullable<DataFilesOptions['fetch']>>>;
      try {
        response = await get(file);
      } catch (error) {
        throw new BenchmarkError('missing-data', `cannot fetch ${file}: ${(error as Error).message}`, { parameter: file, cause: error });
      }
      if (!response.ok)
        throw new BenchmarkError('missing-data', `cannot fetch ${file}: HTTP ${response.status} ${response.statusText}`.trimEnd(), { parameter: file });
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}

/** A name must stay inside the folder: no absolute path, no `..`, no backslash (read as a separator on Windows). */
function checkName(name: string, folder: string): void {
  if (
    typeof name !== 'string' ||
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-z][a-z0-9+.-]*:/i.test(name) ||
    name.split('/').includes('..')
  ) {
    throw new BenchmarkError('invalid-definition', `data file ${JSON.stringify(name)} is not a name inside ${folder}`, {
      parameter: 'name',
      allowed: 'a relative path inside the folder',
    });
  }
}
