import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Stops a watch. */
export type StopWatching = () => void;

/**
 * Calls `onChange` once a burst of changes to the files under `dir` has settled for `debounceMs`, and
 * at most once per `minIntervalMs`: a grid writing steadily would otherwise have the page redraw
 * every chart several times a second.
 * fs.watch gives prompt notice where the platform has it (recursive watching is not everywhere,
 * and it misses events on network file systems), so a cheap poll of every file's size and
 * modification time backs it up: a change is never missed, only noticed later.
 */
export function watchFolder(
  dir: string,
  onChange: () => void,
  options: { readonly debounceMs?: number; readonly pollMs?: number; readonly minIntervalMs?: number } = {},
): StopWatching {
  const debounceMs = options.debounceMs ?? 250;
  const minIntervalMs = options.minIntervalMs ?? 1000;
  let signature = folderSignature(dir);
  let timer: NodeJS.Timeout | undefined;
  let last = Number.NEGATIVE_INFINITY;
  // A folder written without a pause (or polled more often than the debounce) must still be
  // reported: a change waits for quiet at most this long after the first notice.
  const maxWaitMs = Math.max(minIntervalMs, 4 * debounceMs);
  let firstNotice: number | undefined;
  const check = (): void => {
    timer = undefined;
    firstNotice = undefined;
    const wait = last + minIntervalMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(check, wait);
      return;
    }
    const next = folderSignature(dir);
    if (next === signature) return;
    signature = next;
    last = Date.now();
    onChange();
  };
  const soon = (): void => {
    const now = Date.now();
    firstNotice ??= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(check, Math.min(debounceMs, Math.max(0, firstNotice + maxWaitMs - now)));
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true }, soon);
    watcher.on('error', () => undefined);
  } catch {
    // No recursive watching here: the poll alone notices changes.
  }
  const poll = setInterval(soon, options.pollMs ?? 2000);
  poll.unref();
  return () => {
    watcher?.close();
    clearInterval(poll);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Every file's path, size and modification time under `dir`, as one string (empty for no folder). */
export function folderSignature(dir: string): string {
  const parts: string[] = [];
  const walk = (sub: string): void => {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const rel = sub === '' ? name : join(sub, name);
      try {
        const stats = statSync(join(dir, rel));
        if (stats.isDirectory()) walk(rel);
        else parts.push(`${rel}:${stats.size}:${stats.mtimeMs}`);
      } catch {
        // Removed while listed: the next check sees the folder as it is then.
      }
    }
  };
  walk('');
  return parts.join('\n');
}
