import { nodeBuiltin } from './nodeBuiltin';

/** A file's size and hex SHA-256. */
export interface FileDigest {
  readonly size: number;
  readonly sha256: string;
}

/**
 * Streams a file through SHA-256, so that checking a large data file (hundreds of MB) does not hold
 * it in memory. Returns undefined when the file does not exist or is not a regular file. Node only
 * (`jahskit data check`).
 */
export async function sha256File(path: string): Promise<FileDigest | undefined> {
  const { stat } = nodeBuiltin('node:fs/promises', `checking ${path}`);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    size = info.size;
  } catch {
    return undefined;
  }
  const { createHash } = nodeBuiltin('node:crypto', `checking ${path}`);
  const hash = createHash('sha256');
  for await (const chunk of nodeBuiltin('node:fs', `checking ${path}`).createReadStream(path)) hash.update(chunk as Buffer);
  return { size, sha256: hash.digest('hex') };
}
