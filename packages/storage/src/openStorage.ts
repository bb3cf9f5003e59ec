import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreError, MemoryStorage, type StudyStorage } from '@jahskit/core';
import { FileJournalStorage } from './file/FileJournalStorage';
import { PostgresStorage } from './postgres/PostgresStorage';

export interface OpenStorageOptions {
  /** Where relative `file:` paths start; default the process's working directory. */
  readonly cwd?: string;
}

export const STORAGE_URLS = 'memory:, file:path/study.jsonl, postgresql://user@host:port/db';

/**
 * The storage a URL names:
 * - `memory:`: this process only;
 * - `file:path/study.jsonl` (relative to `cwd`), `file:/abs/path.jsonl` or `file:///abs/path.jsonl`:
 *   a journal file shared by the processes of one machine; `?fsync=1` flushes every append to disk;
 * - `postgresql://user:password@host:port/db` (or `postgres://`): many machines.
 */
export function openStorage(url: string, options: OpenStorageOptions = {}): StudyStorage {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new CoreError('invalid-argument', `a storage URL is needed (${STORAGE_URLS})`, { parameter: 'storage', allowed: STORAGE_URLS });
  }
  if (url === 'memory:') return new MemoryStorage();
  if (url.startsWith('file:')) {
    const [pathPart, query = ''] = url.split('?', 2) as [string, string | undefined];
    const path = pathPart.startsWith('file://') ? filePath(url, pathPart) : pathPart.slice('file:'.length);
    if (path === '')
      throw new CoreError('invalid-argument', `"${url}" names no file; e.g. file:runs/study.jsonl`, { parameter: 'storage', allowed: STORAGE_URLS });
    const fsync = new URLSearchParams(query).get('fsync');
    return new FileJournalStorage(isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path), { fsync: fsync === '1' || fsync === 'true' });
  }
  if (url.startsWith('postgresql://') || url.startsWith('postgres://')) return new PostgresStorage(url);
  throw new CoreError('invalid-argument', `unknown storage "${url.slice(0, 80)}"; use ${STORAGE_URLS}`, { parameter: 'storage', allowed: STORAGE_URLS });
}

/** The path of a `file://` URL; one Node cannot map to a path (another host, an encoded "/") is refused here, naming the flag. */
function filePath(url: string, pathPart: string): string {
  try {
    return fileURLToPath(pathPart);
  } catch (error) {
    throw new CoreError(
      'invalid-argument',
      `"${url.slice(0, 80)}" is not a file URL of this machine (${(error as Error).message}); e.g. file:///abs/path/study.jsonl`,
      { parameter: 'storage', allowed: STORAGE_URLS },
    );
  }
}
