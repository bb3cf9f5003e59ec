import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { StorageWatcher } from './StorageWatcher';
import { journalStudyOfX } from './studyFixtures';

describe('StorageWatcher on a journal file', () => {
  test('shows its studies, and a poll says whether anything moved', async () => {
    const { cwd, storage, study } = await journalStudyOfX('watcher', { name: 'one', objectives: ['loss'], seed: 1 });
    const watcher = await StorageWatcher.open('file:studies.jsonl', cwd);
    try {
      expect(watcher.location).toBe(`file:${join(cwd, 'studies.jsonl')}`);
      expect(watcher.state().snapshot.runs).toEqual([{ task: 'study:one', optimizer: 'rs', seed: 1, file: 'study one', state: 'running', trials: 0 }]);
      expect(await watcher.poll()).toBe(false);
      const [trial] = await study.ask();
      await study.tell({ trialId: trial!.id, objectives: [0.5] });
      expect(await watcher.poll()).toBe(true);
      expect(watcher.state().snapshot.runs[0]?.trials).toBe(1);
      expect(watcher.state().runs[0]?.records[0]).toMatchObject({ trial: trial!.id, objectives: { loss: 0.5 }, status: 'ok' });
      expect(await watcher.poll()).toBe(false);
    } finally {
      await watcher.close();
      await storage.close();
    }
  });
});
