import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors/CoreError';
import { fixtureRandomOptimizer, unitIntervalSpace } from '../testing/coreFixtures';
import { Study, type StudyOptions } from './Study';
import { coreErrorOf } from '../testing/coreErrorOf';

function newStudy(objectives: StudyOptions['objectives'] = ['loss']) {
  const space = unitIntervalSpace();
  return new Study({ space, objectives, optimizer: fixtureRandomOptimizer(space, {}, 1) });
}

describe('Study', () => {
  test('ask then tell records the result and forwards a minimised observation', () => {
    const study = newStudy([{ name: 'acc', direction: 'maximize', cheap: false }]);
    const [trial] = study.ask();
    const [observation] = study.tell({ trialId: trial!.id, objectives: { acc: 0.9 } });
    expect(observation!.values).toEqual([-0.9]);
    expect(study.records[0]!.objectives).toEqual({ acc: 0.9 });
    expect(study.pending).toEqual([]);
    expect(study.best()!.trial.id).toBe(trial!.id);
  });

  test('unknown or repeated trial ids are typed errors naming trialId', () => {
    const study = newStudy();
    const [trial] = study.ask();
    expect(coreErrorOf(() => study.tell({ trialId: 42, objectives: [1] })).parameter).toBe('trialId');
    study.tell({ trialId: trial!.id, objectives: [1] });
    const again = coreErrorOf(() => study.tell({ trialId: trial!.id, objectives: [1] }));
    expect(again.kind).toBe('invalid-result');
    expect(again.message).toMatch(/already told/);
  });

  test('malformed results change nothing', () => {
    const study = newStudy();
    const [a, b] = study.ask(2);
    const bad = [
      { trialId: a!.id, objectives: [Number.NaN] },
      { trialId: a!.id, objectives: [1, 2] },
      { trialId: a!.id, objectives: { lost: 1 } },
      { trialId: a!.id, status: 'weird' },
      { trialId: a!.id, objectives: [1], cost: -1 },
    ];
    for (const result of bad) expect(coreErrorOf(() => study.tell(result as never)).kind).toBe('invalid-result');
    // one bad result in a batch rejects the whole batch
    expect(() =>
      study.tell([
        { trialId: a!.id, objectives: [1] },
        { trialId: b!.id, objectives: [Number.POSITIVE_INFINITY] },
      ]),
    ).toThrow(CoreError);
    expect(study.records).toHaveLength(0);
    expect(study.pending).toHaveLength(2);
    study.tell([
      { trialId: a!.id, objectives: [1] },
      { trialId: b!.id, status: 'failed' },
    ]);
    expect(study.records.map((r) => r.status)).toEqual(['ok', 'failed']);
  });

  test('an illegal proposal is an optimizer-contract error naming the parameter', () => {
    const space = unitIntervalSpace();
    const study = new Study({
      space,
      objectives: ['loss'],
      optimizer: { ...fixtureRandomOptimizer(space, {}, 1), ask: () => [{ id: 0, config: { x: 2 }, fidelity: {} }] },
    });
    const error = coreErrorOf(() => study.ask());
    expect(error.kind).toBe('optimizer-contract');
    expect(error.parameter).toBe('x');
  });

  test('state and restore keep pending trials and history', () => {
    const study = newStudy();
    const [a, b] = study.ask(2);
    study.tell({ trialId: a!.id, objectives: [0.5] });
    const copy = newStudy();
    copy.restore(JSON.parse(JSON.stringify(study.state())));
    expect(copy.pending.map((t) => t.id)).toEqual([b!.id]);
    expect(copy.records).toEqual(study.records);
  });

  test('ask(n) rejects n < 1', () => {
    expect(coreErrorOf(() => newStudy().ask(0)).parameter).toBe('n');
  });
});

describe('Study.restore checks the whole state before changing anything', () => {
  function savedState() {
    const study = newStudy();
    const trials = study.ask(3);
    study.tell({ trialId: trials[0]!.id, objectives: [0.5] });
    study.tell({ trialId: trials[1]!.id, status: 'failed' });
    return JSON.parse(JSON.stringify(study.state())) as { optimizer: unknown; pending: unknown[]; history: Record<string, unknown>[] };
  }
  const corruptions: [string, (s: ReturnType<typeof savedState>) => void, string][] = [
    ['a non-numeric objective value', (s) => ((s.history[0]!['objectives'] as Record<string, unknown>)['loss'] = 'x'), 'history[0].objectives.loss'],
    ['a null objective value', (s) => ((s.history[0]!['objectives'] as Record<string, unknown>)['loss'] = null), 'history[0].objectives.loss'],
    ['a missing objective of an ok trial', (s) => (s.history[0]!['objectives'] = {}), 'history[0].objectives'],
    ['a history entry that is a number', (s) => (s.history[0] = 42 as never), 'history[0]'],
    ['a duplicate trial id', (s) => s.pending.push(s.history[0]!['trial']), 'pending[1].id'],
    ['a pending trial with an illegal configuration', (s) => ((s.pending[0] as { config: Record<string, unknown> }).config['x'] = 7), 'pending[0].config'],
    ['an unknown status', (s) => (s.history[1]!['status'] = 'lost'), 'history[1].status'],
    ['a negative cost', (s) => (s.history[0]!['cost'] = -1), 'history[0].cost'],
    ['a corrupted optimizer state', (s) => (s.optimizer = { next: 'many', rng: null }), 'optimizer'],
  ];
  test.each(corruptions)('%s is an invalid-state error naming the field, and nothing is half-restored', (_what, corrupt, parameter) => {
    const state = savedState();
    corrupt(state);
    const study = newStudy();
    const [trial] = study.ask();
    study.tell({ trialId: trial!.id, objectives: [0.25] });
    const before = JSON.stringify(study.state());
    const error = coreErrorOf(() => study.restore(state as never));
    expect(error.kind).toBe('invalid-state');
    expect(error.parameter).toBe(parameter);
    expect(JSON.stringify(study.state())).toBe(before);
  });

  test('a valid state restores exactly', () => {
    const state = savedState();
    const study = newStudy();
    study.restore(state as never);
    expect(JSON.parse(JSON.stringify(study.state()))).toEqual(state);
  });
});

describe('a failed result with objective values', () => {
  test('is refused (its numbers belong in metrics), so no value is silently dropped', () => {
    const study = newStudy();
    const [trial] = study.ask();
    const error = coreErrorOf(() => study.tell({ trialId: trial!.id, status: 'failed', objectives: [0.3] }));
    expect(error.kind).toBe('invalid-result');
    expect(error.parameter).toBe('objectives');
    expect(study.pending).toHaveLength(1);
    study.tell({ trialId: trial!.id, status: 'failed', metrics: { loss_at_failure: 0.3 } });
    expect(study.records[0]!.metrics).toEqual({ loss_at_failure: 0.3 });
  });
});
