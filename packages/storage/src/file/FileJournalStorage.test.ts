import { appendFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { describeStorageConformance, coreErrorOfAsync } from '@jahskit/core/testing';
import { FileJournalStorage } from './FileJournalStorage';

const root = mkdtempSync(join(tmpdir(), 'jahskit-file-journal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
const freshPath = (): string => join(root, `j${count++}`, 'study.jsonl');

describeStorageConformance({ make: () => Promise.resolve(new FileJournalStorage(freshPath())) });

describe('FileJournalStorage', () => {
  const hb = (at: number) => ({ op: 'heartbeat' as const, worker: 'w', at });

  test("two storages on one file see each other's appends", async () => {
    const path = freshPath();
    const a = new FileJournalStorage(path);
    const b = new FileJournalStorage(path);
    await a.transact('s', -1, () => ({ append: [hb(1)], result: undefined }));
    const seen = await b.transact('s', -1, (entries) => ({ append: [hb(2)], result: entries.length }));
    expect(seen).toBe(1);
    expect((await a.read('s', -1)).map((e) => e.seq)).toEqual([0, 1]);
  });

  test('a torn last line (a writer killed mid-append) is ignored by readers and cut by the next writer', async () => {
    const path = freshPath();
    const a = new FileJournalStorage(path);
    await a.transact('s', -1, () => ({ append: [hb(1)], result: undefined }));
    appendFileSync(path, '{"seq":1,"study":"s","op":"heartb');
    const b = new FileJournalStorage(path);
    expect(await b.read('s', -1)).toHaveLength(1);
    await b.transact('s', 0, () => ({ append: [hb(2)], result: undefined }));
    const c = new FileJournalStorage(path);
    expect((await c.read('s', -1)).map((e) => (e as { at: number }).at)).toEqual([1, 2]);
  });

  test('a line edited by hand is refused with the file and line named', async () => {
    const path = freshPath();
    const a = new FileJournalStorage(path);
    await a.transact('s', -1, () => ({ append: [hb(1), hb(2), hb(3)], result: undefined }));
    writeFileSync(path, readFileSync(path, 'utf8').replace('"at":2', '"at":7'));
    const error = await coreErrorOfAsync(() => new FileJournalStorage(path).read('s', -1));
    expect(error.kind).toBe('journal-corrupt');
    expect(error.message).toContain(`${path}: line 2`);
  });

  test('a journal of a newer schema is refused', async () => {
    const path = freshPath();
    const a = new FileJournalStorage(path);
    const spec = { schema: 99, objectives: [], optimizer: { id: 'rs', options: {} }, seed: 0, parameters: [], fidelityParameters: [], graceSeconds: 60 };
    await a.transact('s', -1, () => ({ append: [{ op: 'create', spec }], result: undefined }));
    const error = await coreErrorOfAsync(() => new FileJournalStorage(path).read('s', -1));
    expect(error.kind).toBe('journal-version');
    expect(error.message).toMatch(/schema 99/);
  });

  test('a writer waits while another holds the lock, and the lock is gone after each transaction', async () => {
    const path = freshPath();
    const a = new FileJournalStorage(path);
    await a.transact('s', -1, () => ({ append: [hb(1)], result: undefined }));
    expect(existsSync(`${path}.lock`)).toBe(false);
    writeFileSync(`${path}.lock`, '');
    let done = false;
    const waiting = a.transact('s', 0, () => ({ append: [hb(2)], result: undefined })).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(done).toBe(false);
    rmSync(`${path}.lock`);
    await waiting;
    expect((await a.read('s', -1)).map((e) => e.seq)).toEqual([0, 1]);
  });

  test("a lock left by a process that died holding it is taken over once stale (its link, or an older version's file or directory)", async () => {
    // A lock's age is its inode's change time, which no test can set back: the leftovers are made,
    // then left to age past the smallest stale time allowed. A takeover name left by a process that
    // died while removing a stale lock ages with them; one made just now is a live takeover, which a
    // waiter must leave to its maker (it would otherwise remove a lock taken after the stale one).
    const kinds = ['link', 'file', 'directory', 'link and a dead takeover', 'link and a live takeover'] as const;
    const leftovers = kinds.map((leftover) => {
      const path = freshPath();
      return { path, storage: new FileJournalStorage(path, { staleLockMs: 2000 }), leftover };
    });
    for (const { path, storage, leftover } of leftovers) {
      await storage.transact('s', -1, () => ({ append: [hb(1)], result: undefined }));
      if (leftover === 'file') writeFileSync(`${path}.lock`, '');
      else if (leftover === 'directory') mkdirSync(`${path}.lock`);
      else linkSync(path, `${path}.lock`);
      if (leftover === 'link and a dead takeover') writeFileSync(`${path}.lock.takeover`, '');
    }
    // Not stale yet: a transaction waits for it.
    let early = false;
    const first = leftovers[0]!;
    const waiting = first.storage.transact('s', 0, () => ({ append: [hb(2)], result: undefined })).then(() => (early = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(early).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await waiting;
    for (const { path, storage, leftover } of leftovers) {
      if (leftover === 'link and a live takeover') {
        writeFileSync(`${path}.lock.takeover`, '');
        let done = false;
        const blocked = storage.transact('s', 0, () => ({ append: [hb(2)], result: undefined })).then(() => (done = true));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(done, leftover).toBe(false);
        rmSync(`${path}.lock.takeover`);
        await blocked;
      } else if (leftover !== 'link') await storage.transact('s', 0, () => ({ append: [hb(2)], result: undefined }));
      expect(
        (await storage.read('s', -1)).map((e) => e.seq),
        leftover,
      ).toEqual([0, 1]);
      expect(existsSync(`${path}.lock`), leftover).toBe(false);
      expect(existsSync(`${path}.lock.takeover`), leftover).toBe(false);
      expect(readFileSync(path, 'utf8').split('\n'), leftover).toHaveLength(3);
    }
  }, 15_000);

  test('a folder that cannot be created is a storage error naming the path', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, '');
    const error = await coreErrorOfAsync(() =>
      new FileJournalStorage(join(blocker, 'sub', 'study.jsonl')).transact('s', -1, () => ({ append: [hb(1)], result: undefined })),
    );
    expect(error.kind).toBe('storage');
    expect(error.message).toContain(blocker);
  });
});
