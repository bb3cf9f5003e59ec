import { statSync } from 'node:fs';
import type { LiveRun } from './LiveRun';
import { readLiveRun } from './readLiveRun';

/** A read run file, or why it could not be read (an edited file must not stop the dashboard). */
export type CachedRun = { readonly run: LiveRun | undefined } | { readonly error: string };

/**
 * Run files read once per change: a file is read again only when its size or modification time
 * moved, so that a dashboard refreshing every second re-reads only the runs being written.
 */
export class LiveRunCache {
  private readonly entries = new Map<string, { readonly stamp: string; readonly value: CachedRun }>();

  read(path: string): CachedRun {
    let stamp: string;
    try {
      const stats = statSync(path);
      stamp = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      this.entries.delete(path);
      return { run: undefined };
    }
    const cached = this.entries.get(path);
    if (cached?.stamp === stamp) return cached.value;
    let value: CachedRun;
    try {
      value = { run: readLiveRun(path) };
    } catch (error) {
      value = { error: error instanceof Error ? error.message : String(error) };
    }
    this.entries.set(path, { stamp, value });
    return value;
  }
}
