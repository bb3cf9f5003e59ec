import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { fixtureRandomOptimizer, unitIntervalSpace } from '../testing/coreFixtures';
import type { StudySpec } from './JournalEntry';
import { MemoryStorage } from './MemoryStorage';
import { StoredStudy, type CreateStudyOptions } from './StoredStudy';
import type { StudyStorage } from './StudyStorage';
import { coreErrorOfAsync } from '../testing/coreErrorOf';

const space = unitIntervalSpace();

function options(storage: StudyStorage, worker: string, clock?: { t: number }, seed = 3): CreateStudyOptions {
  return {
    storage,
    name: 'demo',
    worker,
    space,
    objectives: ['loss'],
    optimizer: { id: 'fixture-rs' },
    seed,
    graceSeconds: 10,
    parts: (spec: StudySpec) => ({ space, optimizer: fixtureRandomOptimizer(space, {}, spec.seed) }),
    ...(clock !== undefined ? { now: () => clock.t } : {}),
  };
}

const loss = (config: Record<string, unknown>): number => ((config['x'] as number) - 0.3) ** 2;

describe('StoredStudy', () => {
  test('two processes share one study: every trial handed out once, recorded once, and the journal replays to the same records', async () => {
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a'));
    const b = await StoredStudy.create(options(storage, 'b'));
    const seen = new Set<number>();
    for (let round = 0; round < 5; round++) {
      const [ta] = await a.ask();
      const [tb] = await b.ask();
      for (const t of [ta!, tb!]) {
        expect(seen.has(t.id)).toBe(false);
        seen.add(t.id);
      }
      expect(await b.tell({ trialId: ta!.id, objectives: [loss(ta!.config)] })).toBe('recorded');
      expect(await a.tell({ trialId: tb!.id, objectives: [loss(tb!.config)] })).toBe('recorded');
    }
    await a.sync();
    const reopened = await StoredStudy.open(options(storage, 'c'));
    expect(reopened.records).toEqual(a.records);
    expect(reopened.records).toHaveLength(10);
  });

  test('the asks of a shared study are those of one uninterrupted study given the same results in the same order', async () => {
    const storage = new MemoryStorage();
    const workers = await Promise.all(['a', 'b', 'c'].map(async (w) => StoredStudy.create(options(storage, w))));
    const asked: number[] = [];
    for (let i = 0; i < 9; i++) {
      const worker = workers[i % 3]!;
      const [trial] = await worker.ask();
      asked.push(trial!.config['x'] as number);
      await worker.tell({ trialId: trial!.id, objectives: [loss(trial!.config)] });
    }
    const alone = await StoredStudy.create(options(new MemoryStorage(), 'solo'));
    const expected: number[] = [];
    for (let i = 0; i < 9; i++) {
      const [trial] = await alone.ask();
      expected.push(trial!.config['x'] as number);
      await alone.tell({ trialId: trial!.id, objectives: [loss(trial!.config)] });
    }
    expect(asked).toEqual(expected);
  });

  test('a second tell of the same trial is a typed error that changes nothing', async () => {
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a'));
    const [trial] = await a.ask();
    await a.tell({ trialId: trial!.id, objectives: [1] });
    const before = await storage.read('demo', -1);
    const error = await coreErrorOfAsync(() => a.tell({ trialId: trial!.id, objectives: [2] }));
    expect(error.kind).toBe('invalid-result');
    expect(error.message).toMatch(/already told/);
    expect(await storage.read('demo', -1)).toEqual(before);
    expect(a.records[0]!.objectives).toEqual({ loss: 1 });
  });

  test('a silent worker loses its trials after the grace period; its late result is kept apart', async () => {
    const clock = { t: 1_000_000 };
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a', clock));
    const b = await StoredStudy.create(options(storage, 'b', clock));
    const [held] = await a.ask();
    clock.t += 5_000;
    await a.heartbeat();
    clock.t += 9_000;
    await b.ask();
    expect(b.expiredTrials.has(held!.id)).toBe(false);
    clock.t += 2_000;
    await b.ask();
    expect(b.expiredTrials.has(held!.id)).toBe(true);
    expect(b.records.find((r) => r.trial.id === held!.id)?.status).toBe('failed');
    expect(await a.tell({ trialId: held!.id, objectives: [0.5] })).toBe('late');
    const reopened = await StoredStudy.open(options(storage, 'c', clock));
    expect(reopened.late.map((r) => [r.trial.id, r.objectives])).toEqual([[held!.id, { loss: 0.5 }]]);
    expect((await coreErrorOfAsync(() => reopened.tell({ trialId: held!.id, objectives: [0.4] }))).kind).toBe('invalid-result');
  });

  test('creating a study again: the same spec opens it, another spec is refused', async () => {
    const storage = new MemoryStorage();
    await StoredStudy.create(options(storage, 'a'));
    await expect(StoredStudy.create(options(storage, 'b'))).resolves.toBeInstanceOf(StoredStudy);
    const error = await coreErrorOfAsync(() => StoredStudy.create({ ...options(storage, 'b'), space: unitIntervalSpace('y') }));
    expect(error.kind).toBe('study-exists');
    expect(error.message).toMatch(/search space/);
    expect((await coreErrorOfAsync(() => StoredStudy.create(options(storage, 'b', undefined, 4)))).message).toMatch(/seed/);
    expect((await storage.read('demo', -1)).length).toBe(1);
  });

  test('constraints are kept in the spec as text, compiled again on opening; best() and the optimizer see only what satisfies them', async () => {
    const storage = new MemoryStorage();
    const told: number[][] = [];
    const constrained = (worker: string): CreateStudyOptions => ({
      ...options(storage, worker),
      constraints: ['size <= 0.5', 'loss < 1'],
      metrics: ['size'],
      parts: (spec, constraints) => {
        expect(constraints.map((c) => c.expression)).toEqual(['size <= 0.5', 'loss < 1']);
        const inner = fixtureRandomOptimizer(space, {}, spec.seed);
        return { space, optimizer: { ...inner, tell: (observations) => void told.push(...observations.map((o) => [...o.constraints])) } };
      },
    });
    const a = await StoredStudy.create(constrained('a'));
    for (let i = 0; i < 8; i++) {
      const [trial] = await a.ask();
      const x = trial!.config['x'] as number;
      // size = x: the better half of the losses (x near 0.3) is feasible, and the best loss overall (x = 0.3) too.
      await a.tell({ trialId: trial!.id, objectives: [loss(trial!.config) + (x > 0.5 ? -1 : 0)], metrics: { size: x } });
    }
    expect(told).toHaveLength(8);
    expect(told.every((c) => c.length === 2)).toBe(true);
    const feasible = a.records.filter((r) => a.constraintValues(r).every((c) => c <= 0));
    expect(feasible.length).toBeGreaterThan(0);
    expect(feasible.length).toBeLessThan(8);
    expect(a.best()?.objectives['loss']).toBe(Math.min(...feasible.map((r) => r.objectives['loss']!)));
    expect((await storage.read('demo', -1))[0]).toMatchObject({ op: 'create', spec: { constraints: ['size <= 0.5', 'loss < 1'], metrics: ['size'] } });
    // Another process opens it from the journal alone and agrees.
    const reopened = await StoredStudy.open({ storage, name: 'demo', parts: (spec) => ({ space, optimizer: fixtureRandomOptimizer(space, {}, spec.seed) }) });
    expect(reopened.constraints.map((c) => c.expression)).toEqual(['size <= 0.5', 'loss < 1']);
    expect(reopened.best()).toEqual(a.best());
    // Other constraints are another study; a bad expression writes nothing.
    expect((await coreErrorOfAsync(() => StoredStudy.create({ ...constrained('b'), constraints: ['size <= 0.4'] }))).message).toMatch(
      /another list of constraints \(size <= 0.5; loss < 1\)/,
    );
    expect((await coreErrorOfAsync(() => StoredStudy.create(options(storage, 'b')))).message).toMatch(/another list of constraints/);
    const other = new MemoryStorage();
    const bad = await coreErrorOfAsync(() => StoredStudy.create({ ...options(other, 'a'), constraints: ['latency <= 1'] }));
    expect(bad).toMatchObject({ kind: 'invalid-argument' });
    expect(bad.message).toMatch(/unknown name "latency" \(known: loss\)/);
    expect(await other.studies()).toEqual([]);
  });

  test('a journal written before constraints existed opens as unconstrained', async () => {
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a'));
    expect((await storage.read('demo', -1))[0]).not.toHaveProperty('spec.constraints');
    const [trial] = await a.ask();
    await a.tell({ trialId: trial!.id, objectives: [1] });
    const reopened = await StoredStudy.open(options(storage, 'b'));
    expect(reopened.constraints).toEqual([]);
    expect(reopened.best()?.trial.id).toBe(trial!.id);
  });

  test('failed and diverged results, on time or late, replay in every other process', async () => {
    const clock = { t: 1_000_000 };
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a', clock));
    const b = await StoredStudy.create(options(storage, 'b', clock));
    const [t0, t1, t2] = await a.ask(3);
    await a.tell({ trialId: t0!.id, status: 'failed' });
    await a.tell({ trialId: t1!.id, status: 'diverged', metrics: { loss: 1e9 } });
    clock.t += 20_000;
    await b.ask();
    expect(await a.tell({ trialId: t2!.id, status: 'failed' })).toBe('late');
    const reopened = await StoredStudy.open(options(storage, 'c', clock));
    expect(reopened.records.map((r) => [r.trial.id, r.status])).toEqual([
      [t0!.id, 'failed'],
      [t1!.id, 'diverged'],
      [t2!.id, 'failed'],
    ]);
    expect(reopened.late.map((r) => [r.trial.id, r.status])).toEqual([[t2!.id, 'failed']]);
  });

  test('operations of one process that overlap (a keepAlive heartbeat during an ask) each apply the journal once', async () => {
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a'));
    const [first] = await a.ask();
    const outcomes = await Promise.all([a.ask(2), a.heartbeat(), a.sync(), a.tell({ trialId: first!.id, objectives: [loss(first!.config)] }), a.heartbeat()]);
    expect(outcomes[3]).toBe('recorded');
    await a.sync();
    const reopened = await StoredStudy.open(options(storage, 'b'));
    expect(reopened.pending).toEqual(a.pending);
    expect(reopened.records).toEqual(a.records);
    expect(a.pending).toHaveLength(2);
  });

  test('an unknown study name is a typed error', async () => {
    const error = await coreErrorOfAsync(() => StoredStudy.open(options(new MemoryStorage(), 'a')));
    expect(error.kind).toBe('unknown-study');
    expect(error.parameter).toBe('name');
  });

  test('a journal that another optimizer version wrote is refused on replay', async () => {
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a'));
    await a.ask();
    const other = { ...options(storage, 'b'), parts: () => ({ space, optimizer: fixtureRandomOptimizer(space, {}, 99) }) };
    expect((await coreErrorOfAsync(() => StoredStudy.open(other))).kind).toBe('journal-mismatch');
  });

  // Found while writing the journal fuzz (packages/cli/src/fuzz/study.fuzz.test.ts): `study tell --metrics
  // '{"acc": 1e999}'` was recorded, the journal kept null, and the study never opened again.
  test('a metric that is not finite is refused before it reaches the journal', async () => {
    const storage = new MemoryStorage();
    const a = await StoredStudy.create(options(storage, 'a'));
    const [trial] = await a.ask();
    for (const value of [Infinity, -Infinity, Number.NaN]) {
      const error = await coreErrorOfAsync(() => a.tell({ trialId: trial!.id, objectives: [1], metrics: { acc: value } }));
      expect(error.kind).toBe('invalid-result');
      expect(error.parameter).toBe('metrics.acc');
    }
    expect(await a.tell({ trialId: trial!.id, objectives: [1], metrics: { acc: 0.5 } })).toBe('recorded');
    expect((await StoredStudy.open(options(storage, 'b'))).records).toEqual(a.records);
  });

  fcTest.prop([fc.array(fc.tuple(fc.nat(2), fc.boolean()), { minLength: 1, maxLength: 30 })], { numRuns: 25 })(
    'any interleaving of three workers: ids unique, each told at most once, replay equals every worker view',
    async (steps) => {
      const storage = new MemoryStorage();
      const workers = await Promise.all(['a', 'b', 'c'].map(async (w) => StoredStudy.create(options(storage, w))));
      const held: number[][] = [[], [], []];
      const told = new Set<number>();
      for (const [w, tellNow] of steps) {
        const worker = workers[w]!;
        if (tellNow && held[w]!.length > 0) {
          const id = held[w]!.shift()!;
          await worker.tell({ trialId: id, objectives: [id] });
          expect(told.has(id)).toBe(false);
          told.add(id);
        } else {
          held[w]!.push(...(await worker.ask()).map((t) => t.id));
        }
      }
      const replay = await StoredStudy.open(options(storage, 'r'));
      for (const worker of workers) {
        await worker.sync();
        expect(worker.records).toEqual(replay.records);
        expect(worker.pending.map((t) => t.id)).toEqual(replay.pending.map((t) => t.id));
      }
      expect(replay.records.map((r) => r.trial.id).sort((x, y) => x - y)).toEqual([...told].sort((x, y) => x - y));
    },
  );
});
