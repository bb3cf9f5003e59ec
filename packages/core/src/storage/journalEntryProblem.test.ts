import { describe, expect, test } from 'vitest';
import { journalEntryProblem, MAX_ASK } from './journalEntryProblem';
import { STUDY_SPEC } from './journalFixtures';

const trial = { id: 0, config: { x: 0.5 }, fidelity: {} };
const result = { trialId: 0, status: 'ok', objectives: { loss: 1 }, metrics: { acc: 0.5 }, cost: 2 };
const ENTRIES = {
  create: { seq: 0, study: 's', op: 'create', spec: STUDY_SPEC },
  constrained: { seq: 0, study: 's', op: 'create', spec: { ...STUDY_SPEC, constraints: ['acc >= 0.5'], metrics: ['acc'] } },
  ask: { seq: 1, study: 's', op: 'ask', worker: 'w', at: 1, n: 2, trials: [trial] },
  tell: { seq: 2, study: 's', op: 'tell', worker: 'w', at: 2, result },
  late: { seq: 2, study: 's', op: 'tell', worker: 'w', at: 2, result: { ...result, status: 'failed', objectives: {} }, late: true },
  heartbeat: { seq: 3, study: 's', op: 'heartbeat', worker: 'w', at: 3 },
  expire: { seq: 4, study: 's', op: 'expire', worker: 'w', at: 4, trials: [0] },
};

describe('journalEntryProblem', () => {
  test.each(Object.entries(ENTRIES))('a %s entry as StoredStudy writes it has no problem', (_, entry) => {
    expect(journalEntryProblem(entry)).toBeUndefined();
  });

  // Cases found by packages/cli/src/fuzz/study.fuzz.test.ts: entries edited and sealed again, which replay
  // met as '[object Object]' in its messages, or (a huge n) as a process running out of memory.
  test.each([
    [{ ...ENTRIES.create, spec: { ...STUDY_SPEC, constraints: 'loss <= 1' } }, /^spec.constraints must be an array of strings, got "loss <= 1"$/],
    [{ ...ENTRIES.create, spec: { ...STUDY_SPEC, metrics: [1] } }, /^spec.metrics must be an array of strings/],
    [{ ...ENTRIES.ask, n: {} }, /^n must be an integer from 1 to 100000, got \{\}$/],
    [{ ...ENTRIES.ask, n: 1e308 }, /^n must be/],
    [{ ...ENTRIES.ask, n: MAX_ASK + 1 }, /^n must be/],
    [{ ...ENTRIES.ask, trials: [trial, { ...trial, id: 1 }, { ...trial, id: 2 }] }, /^trials must be an array of at most n trials/],
    [{ ...ENTRIES.ask, trials: [{ ...trial, config: null }] }, /^trials\[0\] must be a trial/],
    [{ ...ENTRIES.tell, result: { ...result, trialId: {} } }, /^result.trialId must be an integer >= 0, got \{\}$/],
    [{ ...ENTRIES.tell, result: { ...result, metrics: { acc: null } } }, /^result.metrics must be an object of finite numbers/],
    [{ ...ENTRIES.tell, result: { ...result, cost: -1 } }, /^result.cost must be/],
    [{ ...ENTRIES.tell, result: null }, /^result must be an object/],
    [{ ...ENTRIES.late, late: false }, /^late must be true or absent/],
    [{ ...ENTRIES.expire, trials: {} }, /^trials must be an array of trial ids/],
    [{ ...ENTRIES.heartbeat, at: '1' }, /^at must be a finite number/],
    [{ ...ENTRIES.heartbeat, worker: 7 }, /^worker must be a string/],
    [{ ...ENTRIES.create, spec: { ...STUDY_SPEC, objectives: {} } }, /^spec.objectives must be/],
    [{ ...ENTRIES.create, spec: { ...STUDY_SPEC, objectives: [{ name: 'loss', direction: 'down' }] } }, /^spec.objectives must be/],
    [{ ...ENTRIES.create, spec: { ...STUDY_SPEC, seed: -1 } }, /^spec.seed must be/],
    [{ ...ENTRIES.create, spec: { ...STUDY_SPEC, graceSeconds: 0 } }, /^spec.graceSeconds must be/],
    [{ ...ENTRIES.create, spec: { ...STUDY_SPEC, optimizer: 'rs' } }, /^spec.optimizer must be/],
    [{ ...ENTRIES.heartbeat, op: 'vacuum' }, /^op must be one of/],
  ])('%j: %s', (entry, problem) => {
    expect(journalEntryProblem(entry)).toMatch(problem);
  });
});
