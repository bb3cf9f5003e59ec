import { Rng, type Configuration } from '@jahskit/core';
import { ConfigurationSpace, float } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import type { RecordLine } from '../analysis/RunResult';
import type { RunHeader } from '../compare/RunHeader';
import { compileVegaLite } from './compileVegaLite';
import { importanceChartSpec } from './importanceChartSpec';
import { inferredSpace } from './inferredSpace';
import type { LiveRun } from './LiveRun';
import { MAX_IMPORTANCE_TRIALS, taskImportance } from './taskImportance';

const header = {
  task: 't',
  title: 'T',
  benchmark: 'toy',
  benchmarkOptions: { size: 1 },
  optimizer: 'rs',
  optimizerOptions: {},
  seed: 0,
  budget: {},
  workers: 1,
  objectives: [
    { name: 'loss', direction: 'minimize' },
    { name: 'size', direction: 'minimize' },
  ],
  fullFidelity: { epoch: 10 },
  metric: 'best',
  axis: 'evaluations',
} as unknown as RunHeader;

/** lr on a log scale from 1e-4 to 1, width linear: the loss depends on log10(lr) only, the size on width only. */
const space = new ConfigurationSpace({ parameters: [float('lr', 1e-4, 1, { log: true }), float('width', 0, 1)] });

function run(n: number, seed: number, lowFidelityLoss?: number): LiveRun {
  const rng = Rng.seeded(seed);
  const records = Array.from({ length: n }, (_, trial): RecordLine => {
    const config = space.sample(rng);
    const low = lowFidelityLoss !== undefined && trial % 2 === 1;
    return {
      trial,
      config,
      fidelity: { epoch: low ? 1 : 10 },
      status: trial % 10 === 4 ? 'failed' : 'ok',
      objectives: { loss: low ? lowFidelityLoss! : Math.log10(config['lr'] as number), size: config['width'] as number },
      metrics: {},
      cost: 1,
    };
  });
  return { header: { ...header, seed }, records };
}

describe('taskImportance', () => {
  test("per objective, over the runs' finished full-fidelity trials, in the benchmark's space (log scale)", async () => {
    const asked: unknown[] = [];
    const result = await taskImportance([run(300, 1, 50), run(300, 2, 50)], async (benchmark, options) => {
      asked.push([benchmark, options]);
      return space;
    });
    expect(asked).toEqual([['toy', { size: 1 }]]);
    expect(result.space).toBe('benchmark');
    // Half the trials are at a low fidelity (whose loss would swamp everything) and a tenth failed.
    expect(result.available).toBe(2 * 120);
    expect(result.used).toBe(240);
    const [loss, size] = result.objectives;
    expect(loss!.objective).toBe('loss');
    expect(loss!.parameters[0]!.name).toBe('lr');
    expect(loss!.parameters[0]!.importance).toBeGreaterThan(0.95);
    expect(size!.parameters[0]!.name).toBe('width');
    expect(loss!.pairs.map((p) => p.name)).toEqual(['lr × width']);
  });

  test("without the benchmark's space, ranges are read off the trials, on a linear scale", async () => {
    const result = await taskImportance([run(300, 3)], async () => undefined);
    expect(result.space).toBe('inferred');
    // log10(lr) against lr on a linear scale: most of the range is the flat top decade, but lr still leads.
    expect(result.objectives[0]!.parameters[0]!.name).toBe('lr');
    const other = new ConfigurationSpace({ parameters: [float('lr', 1, 2)] });
    // A space that does not hold the trials (another version of the benchmark) is not used either.
    expect((await taskImportance([run(50, 4)], async () => other)).space).toBe('inferred');
  });

  test('past MAX_IMPORTANCE_TRIALS trials, the forest learns from an even sample of them', async () => {
    const result = await taskImportance([run(1200, 6), run(1200, 7)], async () => space);
    expect(result.available).toBe(2 * 1080);
    expect(result.used).toBe(MAX_IMPORTANCE_TRIALS);
    expect(result.objectives[0]!.trials).toBe(MAX_IMPORTANCE_TRIALS);
  });

  test('no trial yet: nothing to share', async () => {
    expect(await taskImportance([{ header, records: [] }], async () => space)).toEqual({ space: 'inferred', available: 0, used: 0, objectives: [] });
  });

  test('the chart: one bar per parameter and interaction, per objective, and it compiles', async () => {
    const result = await taskImportance([run(200, 5)], async () => space);
    const spec = importanceChartSpec(result);
    const values = (spec as { data: { values: { parameter: string; objective: string; kind: string; low: number; high: number }[] } }).data.values;
    expect(values.map((v) => `${v.objective}:${v.parameter}:${v.kind}`).sort()).toEqual(
      [
        'loss:lr:main effect',
        'loss:width:main effect',
        'loss:lr × width:interaction',
        'size:lr:main effect',
        'size:width:main effect',
        'size:lr × width:interaction',
      ].sort(),
    );
    for (const v of values) expect(0 <= v.low && v.low <= v.high && v.high <= 1).toBe(true);
    const vega = JSON.stringify(await compileVegaLite(spec));
    expect(vega).toContain('"type":"rect"');
  });
});

describe('inferredSpace', () => {
  test('numbers become a linear float on their range, anything else a categorical; missing values are inactive', () => {
    const configs: Configuration[] = [
      { lr: 0.5, op: 'conv', depth: 3 },
      { lr: 1.5, op: 'pool', depth: 3 },
      { lr: 1, op: 'conv', depth: 3, extra: true },
    ];
    const inferred = inferredSpace(configs);
    expect(inferred.parameters.map((p) => p.type)).toEqual(['float', 'categorical', 'constant', 'categorical']);
    expect(Array.from(inferred.encode(configs[2]!))).toEqual([0.5, 0, 0, 0]);
    expect(Array.from(inferred.encode(configs[1]!))).toEqual([1, 1, 0, Number.NaN]);
  });
});
