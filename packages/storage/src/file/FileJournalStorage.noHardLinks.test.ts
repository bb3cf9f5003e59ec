import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { FileJournalStorage } from './FileJournalStorage';

// A file system without hard links (FAT, some network and FUSE mounts): link(2) fails with EPERM.
const linkSync = vi.hoisted(() =>
  vi.fn(() => {
    throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
  }),
);
vi.mock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), linkSync }));

const root = mkdtempSync(join(tmpdir(), 'jahskit-no-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('without hard links the lock is a file created exclusively, and appends go on as before', async () => {
  const path = join(root, 'study.jsonl');
  const storage = new FileJournalStorage(path);
  const hb = (at: number) => ({ op: 'heartbeat' as const, worker: 'w', at, trials: [] });
  await storage.transact('s', -1, () => ({ append: [hb(1)], result: undefined }));
  await storage.transact('s', 0, () => ({ append: [hb(2)], result: undefined }));
  expect((await new FileJournalStorage(path).read('s', -1)).map((e) => e.seq)).toEqual([0, 1]);
  expect(existsSync(`${path}.lock`)).toBe(false);
  // Tried once: the storage remembers that this file system has no hard links.
  expect(linkSync).toHaveBeenCalledTimes(1);
  expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
});
