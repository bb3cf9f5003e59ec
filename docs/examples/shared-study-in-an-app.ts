import { createRegistry, StoredStudy, type Configuration, type TrialRecord } from '@jahskit/core';
import { tpeModule } from '@jahskit/optimizers';
import { categorical, ConfigurationSpace, float, integer } from '@jahskit/spaces';
import { openStorage } from '@jahskit/storage';

const space = new ConfigurationSpace({
  name: 'my-net',
  parameters: [float('lr', 1e-4, 1e-1, { log: true }), integer('layers', 1, 8), categorical('activation', ['relu', 'gelu'])],
});

/** Your training code; here a stand-in that takes a little time, as training does. */
async function train(config: Configuration): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return (Math.log10(config['lr'] as number) + 2.5) ** 2 + 0.1 * Math.abs((config['layers'] as number) - 4) + (config['activation'] === 'gelu' ? 0 : 0.05);
}

/**
 * One worker: run it in as many processes, on as many machines, as you like, with the same storage URL
 * (`file:...` on one machine, `postgresql://...` across machines) and study name.
 */
export async function worker(storageUrl: string, name: string, trials: number): Promise<void> {
  const storage = openStorage(storageUrl);
  try {
    const study = await StoredStudy.create({
      storage,
      name,
      registry: createRegistry([tpeModule]),
      space,
      objectives: ['val_loss'],
      optimizer: { id: 'tpe' },
      seed: 0,
    });
    // Heartbeats keep this worker's trials from expiring while it trains.
    const stopHeartbeats = study.keepAlive(10_000);
    try {
      for (let i = 0; i < trials; i++) {
        const [trial] = await study.ask();
        if (trial === undefined) break;
        try {
          await study.tell({ trialId: trial.id, objectives: { val_loss: await train(trial.config) } });
        } catch {
          await study.tell({ trialId: trial.id, status: 'failed' });
        }
      }
    } finally {
      stopHeartbeats();
    }
  } finally {
    await storage.close();
  }
}

/** Later, anywhere: the study as every worker left it. */
export async function bestOf(storageUrl: string, name: string): Promise<{ best: TrialRecord | undefined; trials: number }> {
  const storage = openStorage(storageUrl);
  try {
    const study = await StoredStudy.open({ storage, name, registry: createRegistry([tpeModule]), space, objectives: ['val_loss'], optimizer: { id: 'tpe' }, seed: 0 });
    return { best: study.best(), trials: study.records.length };
  } finally {
    await storage.close();
  }
}
