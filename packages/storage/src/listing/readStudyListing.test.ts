import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MemoryStorage, StoredStudy, type StudyStorage } from '@jahskit/core';
import { FileJournalStorage } from '../file/FileJournalStorage';
import { PostgresStorage } from '../postgres/PostgresStorage';
import { freshPostgresDatabase, type TestDatabase } from '../postgres/postgresFixtures';
import { sharedObjective, sharedStudyOptions } from '../sharedStudyFixtures';
import { readStudyListing } from './readStudyListing';

let database: TestDatabase;
let folder: string;
beforeAll(async () => {
  database = await freshPostgresDatabase();
  folder = mkdtempSync(join(tmpdir(), 'jahskit-listing-'));
});
afterAll(async () => {
  await database.drop();
  rmSync(folder, { recursive: true, force: true });
});

const backends: [string, () => StudyStorage][] = [
  ['memory', () => new MemoryStorage()],
  ['file', () => new FileJournalStorage(join(folder, `${Math.random().toString(36).slice(2)}.jsonl`))],
  ['postgresql', () => new PostgresStorage(database.url)],
];

describe.each(backends)('readStudyListing on %s storage', (_, make) => {
  test('lists the spec and every trial with its state, and reads on from an earlier listing', async () => {
    const storage = make();
    try {
      expect(await readStudyListing(storage, 'nothing')).toEqual({ name: 'nothing', trials: [], lastSeq: -1 });
      let clock = 1_000;
      const now = (): number => clock;
      const first = await StoredStudy.create({ ...sharedStudyOptions(storage, 'shared', 'w1', 5), now });
      const [a, b, c] = await first.ask(3);
      await first.tell({ trialId: a!.id, objectives: [sharedObjective(a!.config)] });
      await first.tell({ trialId: b!.id, status: 'failed' });
      const before = await readStudyListing(storage, 'shared');
      expect(before.spec).toMatchObject({ optimizer: { id: 'rs' }, seed: 7, objectives: [{ name: 'loss', direction: 'minimize' }] });
      expect(before.trials.map((t) => [t.id, t.worker, t.state, t.result?.status])).toEqual([
        [a!.id, 'w1', 'told', 'ok'],
        [b!.id, 'w1', 'told', 'failed'],
        [c!.id, 'w1', 'pending', undefined],
      ]);
      expect(before.trials[0]).toMatchObject({
        config: a!.config,
        fidelity: {},
        askedAt: 1_000,
        toldAt: 1_000,
        result: { objectives: { loss: sharedObjective(a!.config) } },
      });

      // w1 goes silent past its grace: another process's ask expires its pending trial; its result comes late.
      clock += 10_000;
      const second = await StoredStudy.open({ ...sharedStudyOptions(storage, 'shared', 'w2', 5), now });
      const [d] = await second.ask();
      await second.tell({ trialId: d!.id, objectives: [0.5] });
      expect(await first.tell({ trialId: c!.id, objectives: [0.25] })).toBe('late');

      const after = await readStudyListing(storage, 'shared', before);
      expect(after.trials.map((t) => [t.id, t.worker, t.state, t.late])).toEqual([
        [a!.id, 'w1', 'told', undefined],
        [b!.id, 'w1', 'told', undefined],
        [c!.id, 'w1', 'expired', true],
        [d!.id, 'w2', 'told', undefined],
      ]);
      expect(after).toEqual(await readStudyListing(storage, 'shared'));
      expect(after.lastSeq).toBe((await storage.read('shared', -1)).length - 1);
      // The earlier listing is unchanged: a dashboard may still be serving it.
      expect(before.trials.map((t) => t.state)).toEqual(['told', 'told', 'pending']);
      expect(await readStudyListing(storage, 'shared', after)).toBe(after);
    } finally {
      await storage.close();
    }
  });
});
