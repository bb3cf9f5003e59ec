/**
 * `@jahskit/storage`, loaded by the commands that keep studies or grids in files or PostgreSQL, when
 * they run: it brings the PostgreSQL client, whose set-up alone costs some 50 ms on Node 20, which
 * `jahskit eval`, `list` and the other commands should not pay at start-up.
 */
export function loadStorage(): Promise<typeof import('@jahskit/storage')> {
  return import('@jahskit/storage');
}
