import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors/CoreError';
import type { JournalOp } from '../storage/JournalEntry';
import type { StudyStorage } from '../storage/StudyStorage';

export interface StorageConformanceOptions {
  /** A new, empty storage for each test; `close()` is called at the end of the test. */
  readonly make: () => Promise<StudyStorage>;
}

const heartbeat = (worker: string, at: number): JournalOp => ({ op: 'heartbeat', worker, at });

/**
 * The contract every `StudyStorage` backend keeps, as vitest tests: sequence numbers without gaps,
 * all-or-nothing appends, transactions that see each other's writes, and studies kept apart. Run it
 * over a backend with `describeStorageConformance({ make })`.
 */
export function describeStorageConformance(options: StorageConformanceOptions): void {
  const withStorage = (body: (storage: StudyStorage) => Promise<void>) => async (): Promise<void> => {
    const storage = await options.make();
    try {
      await body(storage);
    } finally {
      await storage.close();
    }
  };

  describe('StudyStorage conformance', () => {
    test(
      'appends get consecutive sequence numbers and read returns what follows `after`',
      withStorage(async (storage) => {
        expect(await storage.read('s', -1)).toEqual([]);
        const seen = await storage.transact('s', -1, (entries) => ({ append: [heartbeat('a', 1), heartbeat('a', 2)], result: entries.length }));
        expect(seen).toBe(0);
        await storage.transact('s', 1, () => ({ append: [heartbeat('b', 3)], result: undefined }));
        expect((await storage.read('s', -1)).map((e) => [e.seq, (e as { at: number }).at])).toEqual([
          [0, 1],
          [1, 2],
          [2, 3],
        ]);
        expect((await storage.read('s', 1)).map((e) => e.seq)).toEqual([2]);
      }),
    );

    test(
      "decide sees every entry after `after`, including other writers' entries",
      withStorage(async (storage) => {
        await storage.transact('s', -1, () => ({ append: [heartbeat('a', 1)], result: undefined }));
        await storage.transact('s', 0, () => ({ append: [heartbeat('b', 2)], result: undefined }));
        const seen = await storage.transact('s', -1, (entries) => ({ append: [], result: entries.map((e) => e.seq) }));
        expect(seen).toEqual([0, 1]);
      }),
    );

    test(
      'a decide that throws appends nothing and the error reaches the caller',
      withStorage(async (storage) => {
        await storage.transact('s', -1, () => ({ append: [heartbeat('a', 1)], result: undefined }));
        const boom = new CoreError('invalid-result', 'no');
        await expect(
          storage.transact('s', 0, () => {
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await storage.read('s', -1)).toHaveLength(1);
        await storage.transact('s', 0, () => ({ append: [heartbeat('a', 2)], result: undefined }));
        expect((await storage.read('s', -1)).map((e) => e.seq)).toEqual([0, 1]);
      }),
    );

    test(
      'concurrent transactions never interleave: each sees the entries of those before it',
      withStorage(async (storage) => {
        const counts = await Promise.all(
          Array.from({ length: 20 }, (_, i) => storage.transact('s', -1, (entries) => ({ append: [heartbeat(`w${i}`, i)], result: entries.length }))),
        );
        expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
        expect((await storage.read('s', -1)).map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      }),
    );

    test(
      'studies are kept apart and listed by name',
      withStorage(async (storage) => {
        await storage.transact('b', -1, () => ({ append: [heartbeat('x', 1)], result: undefined }));
        await storage.transact('a', -1, () => ({ append: [heartbeat('y', 2), heartbeat('y', 3)], result: undefined }));
        expect(await storage.studies()).toEqual(['a', 'b']);
        expect((await storage.read('b', -1)).map((e) => e.seq)).toEqual([0]);
        expect((await storage.read('a', -1)).map((e) => e.seq)).toEqual([0, 1]);
      }),
    );

    test(
      'entries come back as plain data equal to what was appended',
      withStorage(async (storage) => {
        const op: JournalOp = {
          op: 'ask',
          worker: 'w',
          at: 5,
          n: 1,
          trials: [{ id: 0, config: { x: 0.5, op: 'conv' }, fidelity: { epoch: 3 }, tags: { rung: 1 } }],
        };
        await storage.transact('s', -1, () => ({ append: [op], result: undefined }));
        expect(await storage.read('s', -1)).toEqual([{ ...op, seq: 0 }]);
      }),
    );
  });
}
