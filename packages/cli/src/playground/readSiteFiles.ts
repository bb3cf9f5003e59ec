import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SiteFiles } from './buildPlayground';

/**
 * A built site folder (what `npm run build:site` writes, or its playground/ alone) read back into
 * memory, for playgroundHandler: a server that ships the built files needs no esbuild.
 */
export async function readSiteFiles(dir: string): Promise<SiteFiles> {
  const files: SiteFiles = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'), await readFile(join(entry.parentPath, entry.name)));
  }
  return files;
}
