import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors/CoreError';
import { fixtureRandomOptimizer, unitIntervalSpace } from '../testing/coreFixtures';
import { Study, type StudyOptions } from './Study';

function newStudy(objectives: StudyOptions['objectives'] = ['loss']) {
  const space = unitIntervalSpace();
  return new Study({ space, objectives, optimizer: fixtureRandomOptimizer(space, {}, 1) });
}

function errorOf(body: () => unknown): CoreError {
  try {
    body();
  } catch (error) {
    if (CoreError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a CoreError');
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
    expect(errorOf(() => study.tell({ trialId: 42, objectives: [1] })).parameter).toBe('trialId');
    study.tell({ trialId: trial!.id, objectives: [1] });
    const again = errorOf(() => study.tell({ trialId: trial!.id, objectives: [1] }));
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
    for (const result of bad) expect(errorOf(() => study.tell(result as never)).kind).toBe('invalid-result');
    // one bad result in a batch rejects the whole batch
    expect(() => study.tell([{ trialId: a!.id, objectives: [1] }, { trialId: b!.id, objectives: [Number.POSITIVE_INFINITY] }])).toThrow(CoreError);
    expect(study.records).toHaveLength(0);
    expect(study.pending).toHaveLength(2);
    study.tell([{ trialId: a!.id, objectives: [1] }, { trialId: b!.id, status: 'failed' }]);
    expect(study.records.map((r) => r.status)).toEqual(['ok', 'failed']);
  });

  test('an illegal proposal is an optimizer-contract error naming the parameter', () => {
    const space = unitIntervalSpace();
    const study = new Study({
      space,
      objectives: ['loss'],
      optimizer: { ...fixtureRandomOptimizer(space, {}, 1), ask: () => [{ id: 0, config: { x: 2 }, fidelity: {} }] },
    });
    const error = errorOf(() => study.ask());
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
    expect(errorOf(() => newStudy().ask(0)).parameter).toBe('n');
  });
});
