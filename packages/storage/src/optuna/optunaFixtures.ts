import {
  MemoryStorage,
  Rng,
  StoredStudy,
  type Configuration,
  type JournalEntry,
  type Objective,
  type Optimizer,
  type StudySpec,
  type Trial,
} from '@jahskit/core';
import { categorical, constant, equalsCondition, ConfigurationSpace, float, integer, ordinal } from '@jahskit/spaces';

/**
 * Fixtures for the Optuna tests: small jahskit studies kept in memory, with every parameter type, a
 * conditional parameter, fidelities, tags and a continuation, and every way a trial can end.
 */
const space = new ConfigurationSpace({
  parameters: [
    float('lr', 1e-4, 1e-1, { log: true }),
    integer('layers', 1, 8),
    categorical('optimizer', ['sgd', 'adam']),
    // 0.1 is not a multiple of 0.3 in binary: the grid top must be computed as Optuna does, in decimal.
    float('momentum', 0.1, 0.8, { q: 0.3 }),
    ordinal('width', [16, 32, 64]),
    constant('activation', 'relu'),
  ],
  conditions: [equalsCondition('momentum', 'optimizer', 'sgd')],
});

const fidelitySpace = new ConfigurationSpace({ parameters: [integer('epoch', 1, 27)] });

/** Random search at 9 epochs, with tags; trial 4 continues trial 0 to 27 epochs. */
function optimizer(seed: number): Optimizer {
  const root = Rng.seeded(seed);
  let next = 0;
  let first: Configuration | undefined;
  const propose = (id: number): Trial => {
    if (id === 4 && first !== undefined) return { id, config: first, fidelity: { epoch: 27 }, continues: 0 };
    const config = space.sample(root.stream('trial', id));
    if (id === 0) first = config;
    return { id, config, fidelity: { epoch: 9 }, tags: { bracket: id % 2, note: 'ü "quoted"' } };
  };
  return {
    capabilities: { objectives: 'any', multiFidelity: true, asynchronous: true },
    ask: (n) => Array.from({ length: n }, () => propose(next++)),
    tell: () => undefined,
    state: () => ({ next }),
    restore: () => undefined,
  };
}

function storedOptions(storage: MemoryStorage, name: string, worker: string, objectives: readonly Objective[], clock: { t: number }) {
  return {
    storage,
    name,
    worker,
    space,
    fidelitySpace,
    objectives,
    optimizer: { id: 'fixture-rs' },
    seed: 7,
    graceSeconds: 10,
    now: () => clock.t,
    parts: (spec: StudySpec) => ({ space, fidelitySpace, optimizer: optimizer(spec.seed) }),
  };
}

export interface ExampleStudy {
  readonly entries: readonly JournalEntry[];
  readonly study: StoredStudy;
}

/**
 * One objective (val_loss, minimised), two workers: trial 0 ok, 1 failed, 2 diverged, 3 expired (its
 * worker went silent) with a late result, 4 ok (continues 0), 5 pending. The clock starts at
 * 2024-01-02 03:04:05.678 UTC and moves 20 s before trial 4 is asked.
 */
export async function singleObjectiveStudy(): Promise<ExampleStudy> {
  const clock = { t: Date.UTC(2024, 0, 2, 3, 4, 5, 678) };
  const storage = new MemoryStorage();
  const objectives: Objective[] = [{ name: 'val_loss', direction: 'minimize', cheap: false }];
  const a = await StoredStudy.create(storedOptions(storage, 'tune', 'worker-a', objectives, clock));
  const b = await StoredStudy.create(storedOptions(storage, 'tune', 'worker-b', objectives, clock));
  const [t0, t1, t2] = await a.ask(3);
  await a.tell({ trialId: t0!.id, objectives: { val_loss: 0.25 }, metrics: { train_loss: 0.2 }, cost: 12.5 });
  await a.tell({ trialId: t1!.id, status: 'failed', cost: 3 });
  await a.tell({ trialId: t2!.id, status: 'diverged', metrics: { train_loss: 1e9 }, cost: 4 });
  const [t3] = await b.ask();
  clock.t += 20_000;
  await a.ask(); // trial 4; b has been silent for longer than the grace period: trial 3 expires
  clock.t += 1_000;
  await b.tell({ trialId: t3!.id, objectives: { val_loss: 0.5 }, metrics: { train_loss: 0.4 }, cost: 30 });
  await a.tell({ trialId: 4, objectives: { val_loss: 0.125 }, cost: 18 });
  await a.ask(); // trial 5, pending
  return { entries: await storage.read('tune', -1), study: a };
}

/** Two objectives (loss minimised, accuracy maximised): trials 0 and 2 ok, 1 failed. */
export async function twoObjectiveStudy(): Promise<ExampleStudy> {
  const clock = { t: Date.UTC(2024, 5, 1) };
  const storage = new MemoryStorage();
  const objectives: Objective[] = [
    { name: 'loss', direction: 'minimize', cheap: false },
    { name: 'accuracy', direction: 'maximize', cheap: false },
  ];
  const a = await StoredStudy.create(storedOptions(storage, 'pareto', 'solo', objectives, clock));
  const [t0, t1, t2] = await a.ask(3);
  await a.tell({ trialId: t0!.id, objectives: { loss: 0.5, accuracy: 0.75 }, cost: 1 });
  await a.tell({ trialId: t1!.id, status: 'failed', cost: 1 });
  await a.tell({ trialId: t2!.id, objectives: [1, 0.875], cost: 2 });
  return { entries: await storage.read('pareto', -1), study: a };
}
