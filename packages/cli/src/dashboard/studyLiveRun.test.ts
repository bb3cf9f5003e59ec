import { describe, expect, test } from 'vitest';
import { loadExpressionCompiler, type StudySpec } from '@jahskit/core';
import type { ListedTrial, StudyListing } from '@jahskit/storage';
import { liveTaskAnalysis } from './liveTaskAnalysis';
import { studyLiveRun } from './studyLiveRun';

const spec = (objectives: StudySpec['objectives'], extra: Partial<StudySpec> = {}): StudySpec => ({
  schema: 1,
  objectives,
  optimizer: { id: 'tpe', options: { startup: 5 } },
  seed: 4,
  parameters: [],
  fidelityParameters: [],
  graceSeconds: 60,
  ...extra,
});

const told = (id: number, toldAt: number, objectives: Record<string, number>, metrics: Record<string, number> = {}): ListedTrial => ({
  id,
  config: { x: id / 10 },
  fidelity: {},
  worker: id % 2 === 0 ? 'a' : 'b',
  state: 'told',
  result: { trialId: id, status: 'ok', objectives, metrics, cost: 1 },
  askedAt: 1_000,
  toldAt,
});

describe('studyLiveRun', () => {
  test('a single-objective study: told trials in the order told, best so far, pending and expired ones left out', () => {
    const listing: StudyListing = {
      name: 's',
      spec: spec([{ name: 'loss', direction: 'minimize', cheap: false }]),
      trials: [
        told(0, 3_000, { loss: 0.5 }),
        told(1, 2_000, { loss: 0.7 }),
        { id: 2, config: { x: 0 }, fidelity: {}, worker: 'a', state: 'pending', askedAt: 1_500 },
        { ...told(3, 4_000, { loss: 0.1 }), state: 'expired', late: true },
      ],
      lastSeq: 9,
    };
    const run = studyLiveRun(listing, []);
    expect(run?.header).toMatchObject({
      task: 'study:s',
      title: 'study s',
      optimizer: 'tpe',
      optimizerOptions: { startup: 5 },
      seed: 4,
      workers: 2,
      metric: 'best',
      axis: 'evaluations',
    });
    expect(run?.records.map((r) => [r.trial, r.end])).toEqual([
      [1, 1],
      [0, 2],
    ]);
    expect(run?.end).toBeUndefined();
    expect(liveTaskAnalysis([run!])?.final[0]?.value.mean).toBe(0.5);
  });

  test('a two-objective study is judged by hypervolume against a reference point just past the worst values', () => {
    const listing: StudyListing = {
      name: 'mo',
      spec: spec([
        { name: 'error', direction: 'minimize', cheap: false },
        { name: 'accuracy', direction: 'maximize', cheap: false },
      ]),
      trials: [told(0, 2_000, { error: 0, accuracy: 0.5 }), told(1, 3_000, { error: 1, accuracy: 1 })],
      lastSeq: 5,
    };
    const run = studyLiveRun(listing, []);
    expect(run?.header.metric).toBe('hypervolume');
    expect(run?.header.referencePoint).toEqual([1.1, 0.45]);
  });

  test('trials that break a constraint, or whose constraint cannot be computed, do not count for the best value', async () => {
    const compiler = await loadExpressionCompiler();
    const constraints = [compiler.constraint('latency <= 2', ['loss', 'latency'])];
    const listing: StudyListing = {
      name: 'c',
      spec: spec([{ name: 'loss', direction: 'minimize', cheap: false }], { constraints: ['latency <= 2'], metrics: ['latency'] }),
      trials: [told(0, 2_000, { loss: 0.1 }, { latency: 5 }), told(1, 3_000, { loss: 0.2 }), told(2, 4_000, { loss: 0.3 }, { latency: 1 })],
      lastSeq: 7,
    };
    const run = studyLiveRun(listing, constraints);
    expect(run?.header.constraints).toEqual(['latency <= 2']);
    expect(run?.records.map((r) => r.constraints)).toEqual([[3], undefined, [-1]]);
    expect(liveTaskAnalysis([run!])?.final[0]?.value.mean).toBe(0.3);
  });

  test('a journal without its create entry is no run', () => {
    expect(studyLiveRun({ name: 'x', trials: [], lastSeq: 0 }, [])).toBeUndefined();
  });
});
