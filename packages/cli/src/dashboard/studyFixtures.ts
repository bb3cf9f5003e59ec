import { createRegistry, StoredStudy, type StudyStorage } from '@jahskit/core';
import { randomSearchModule } from '@jahskit/optimizers';
import { ConfigurationSpace, float } from '@jahskit/spaces';
import { openStorage } from '@jahskit/storage';
import { freshDir } from '../cliRunFixtures';

/**
 * The smallest study a dashboard shows: random search over one number x in [0, 1], in the journal file
 * studies.jsonl of a new folder (`jahskit-<folder>-…`). The test closes the storage.
 */
export async function journalStudyOfX(
  folder: string,
  options: { readonly name: string; readonly objectives: readonly string[]; readonly seed: number },
): Promise<{ cwd: string; storage: StudyStorage; study: StoredStudy }> {
  const cwd = freshDir(folder);
  const storage = openStorage('file:studies.jsonl', { cwd });
  const study = await StoredStudy.create({
    storage,
    name: options.name,
    space: new ConfigurationSpace({ name: 'x', parameters: [float('x', 0, 1)] }),
    objectives: [...options.objectives],
    optimizer: { id: 'rs' },
    seed: options.seed,
    registry: createRegistry([randomSearchModule]),
  });
  return { cwd, storage, study };
}
