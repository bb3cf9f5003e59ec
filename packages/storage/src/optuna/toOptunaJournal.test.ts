import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JournalEntry, Trial } from '@jahskit/core';
import { coreErrorOf } from '@jahskit/core/testing';
import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decimalGridTop } from './decimalGridTop';
import { singleObjectiveStudy, twoObjectiveStudy, type ExampleStudy } from './optunaFixtures';
import { toOptunaJournal } from './toOptunaJournal';
import { runOptunaScript } from './runOptunaScript';

// Loads each journal with Optuna and prints what Optuna sees. Any warning but Optuna's "experimental"
// one is an error: a distribution Optuna has to repair on load (a stepped float's high) fails the test.
// Also prints Optuna's own grid tops for the triples of the second argument.
const LOAD = `
out = {"studies": [], "grid": []}
for low, high, step in json.loads(sys.argv[2]):
    out["grid"].append(optuna.distributions._adjust_discrete_uniform_high(low, high, step))
warnings.simplefilter("error")
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
for path, name in json.loads(sys.argv[1]):
    storage = optuna.storages.JournalStorage(Backend(path))
    study = optuna.load_study(study_name=name, storage=storage)
    out["studies"].append({
        "directions": [d.name for d in study.directions],
        "metric_names": storage.get_study_system_attrs(study._study_id).get("study:metric_names"),
        "user_attrs": study.user_attrs,
        "trials": [{
            "number": t.number,
            "state": t.state.name,
            "params": t.params,
            "types": {k: type(v).__name__ for k, v in t.params.items()},
            "values": t.values,
            "user_attrs": t.user_attrs,
            "start": t.datetime_start.isoformat(timespec="milliseconds") if t.datetime_start else None,
            "complete": t.datetime_complete.isoformat(timespec="milliseconds") if t.datetime_complete else None,
        } for t in study.trials],
    })
print(json.dumps(out))
`;

interface OptunaView {
  readonly directions: string[];
  readonly metric_names: string[] | null;
  readonly user_attrs: Record<string, unknown>;
  readonly trials: {
    readonly number: number;
    readonly state: string;
    readonly params: Record<string, unknown>;
    readonly types: Record<string, string>;
    readonly values: number[] | null;
    readonly user_attrs: Record<string, unknown>;
    readonly start: string | null;
    readonly complete: string | null;
  }[];
}

/** Stepped float ranges of the kind people write (decimal bounds and steps), which binary floats get wrong. */
const grids = fc.sample(
  fc
    .tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom(1, 10, 100, 1000))
    .map(([l, r, s, d]) => [l / d, (l + r) / d, s / (d * 10)] as const),
  { numRuns: 200, seed: 42 },
);

const asked = (entries: readonly JournalEntry[]): Trial[] => entries.flatMap((e) => (e.op === 'ask' ? e.trials : []));

describe('toOptunaJournal', () => {
  let dir: string;
  let single: ExampleStudy;
  let pareto: ExampleStudy;
  let views: OptunaView[] | undefined;
  let tops: number[] = [];
  let skipped = '';

  beforeAll(async () => {
    single = await singleObjectiveStudy();
    pareto = await twoObjectiveStudy();
    dir = mkdtempSync(join(tmpdir(), 'jahskit-optuna-'));
    writeFileSync(join(dir, 'tune.log'), toOptunaJournal('tune', single.entries));
    writeFileSync(join(dir, 'pareto.log'), toOptunaJournal('pareto', pareto.entries));
    const journals = [
      [join(dir, 'tune.log'), 'tune'],
      [join(dir, 'pareto.log'), 'pareto'],
    ];
    const run = runOptunaScript(LOAD, [JSON.stringify(journals), JSON.stringify(grids)], 'load the export');
    if ('missing' in run) skipped = run.missing;
    else ({ studies: views, grid: tops } = JSON.parse(run.stdout) as { studies: OptunaView[]; grid: number[] });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('Optuna loads a one-objective study: states, params with their Python types, values, user attributes, times', () => {
    if (views === undefined) throw new Error(skipped);
    const view = views[0] as OptunaView;
    expect(view.directions).toEqual(['MINIMIZE']);
    expect(view.metric_names).toEqual(['val_loss']);
    expect(view.user_attrs['jahskit:spec']).toEqual(single.study.definition);
    const trials = asked(single.entries);
    expect(view.trials.map((t) => t.number)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(view.trials.map((t) => t.state)).toEqual(['COMPLETE', 'FAIL', 'FAIL', 'FAIL', 'COMPLETE', 'RUNNING']);
    expect(view.trials.map((t) => t.values)).toEqual([[0.25], null, null, null, [0.125], null]);
    // Inactive parameters are absent, as in jahskit: the conditional momentum exists only with sgd.
    expect(view.trials.map((t) => t.params)).toEqual(trials.map((t) => t.config));
    expect(trials.some((t) => !('momentum' in t.config)) && trials.some((t) => 'momentum' in t.config)).toBe(true);
    const sgd = view.trials.find((t) => t.params['optimizer'] === 'sgd')!;
    expect(sgd.types).toEqual({ lr: 'float', layers: 'int', optimizer: 'str', momentum: 'float', width: 'int', activation: 'str' });
    expect(view.trials.map((t) => t.user_attrs['jahskit:status'])).toEqual(['ok', 'failed', 'diverged', 'expired', 'ok', undefined]);
    expect(view.trials[0]!.user_attrs).toEqual({
      'jahskit:trial': 0,
      'jahskit:fidelity': { epoch: 9 },
      'jahskit:tags': { bracket: 0, note: 'ü "quoted"' },
      'jahskit:status': 'ok',
      'jahskit:cost': 12.5,
      'jahskit:metrics': { train_loss: 0.2 },
    });
    expect(view.trials[2]!.user_attrs['jahskit:metrics']).toEqual({ train_loss: 1e9 });
    expect(view.trials[3]!.user_attrs['jahskit:late']).toEqual({ status: 'ok', objectives: { val_loss: 0.5 }, metrics: { train_loss: 0.4 }, cost: 30 });
    expect(view.trials[4]!.user_attrs).toMatchObject({ 'jahskit:trial': 4, 'jahskit:fidelity': { epoch: 27 }, 'jahskit:continues': 0 });
    expect(view.trials[5]!.user_attrs).toEqual({ 'jahskit:trial': 5, 'jahskit:fidelity': { epoch: 9 }, 'jahskit:tags': { bracket: 1, note: 'ü "quoted"' } });
    expect(view.trials[0]!.start).toBe('2024-01-02T03:04:05.678');
    expect(view.trials[3]!.complete).toBe('2024-01-02T03:04:25.678');
    expect(view.trials[5]!.complete).toBeNull();
  });

  test('Optuna loads a two-objective study with its directions and metric names', () => {
    if (views === undefined) throw new Error(skipped);
    const view = views[1] as OptunaView;
    expect(view.directions).toEqual(['MINIMIZE', 'MAXIMIZE']);
    expect(view.metric_names).toEqual(['loss', 'accuracy']);
    expect(view.trials.map((t) => [t.state, t.values])).toEqual([
      ['COMPLETE', [0.5, 0.75]],
      ['FAIL', null],
      ['COMPLETE', [1, 0.875]],
    ]);
    expect(view.trials.map((t) => t.params)).toEqual(asked(pareto.entries).map((t) => t.config));
  });

  test('the top of a stepped float range is the one Optuna computes in decimal', () => {
    if (views === undefined) throw new Error(skipped);
    expect(grids.map(([low, high, step]) => decimalGridTop(low, high, step))).toEqual(tops);
    expect(tops.filter((top, i) => top !== grids[i]![1]).length).toBeGreaterThan(50);
  });

  test('a log is JSON lines of operations, each with a worker id; jahskit workers keep their names', () => {
    const lines = toOptunaJournal('tune', single.entries).split('\n');
    expect(lines.pop()).toBe('');
    const ops = lines.map((line) => JSON.parse(line) as { op_code: number; worker_id: string });
    expect(ops[0]).toEqual({ op_code: 0, worker_id: 'jahskit-export', study_name: 'tune', directions: [1] });
    expect(new Set(ops.map((o) => o.worker_id))).toEqual(new Set(['jahskit-export', 'worker-a', 'worker-b']));
  });

  test('what is not a study journal is a typed error naming the argument', () => {
    expect(coreErrorOf(() => toOptunaJournal('tune', single.entries.slice(1)))).toMatchObject({ kind: 'invalid-argument', parameter: 'entries' });
    expect(coreErrorOf(() => toOptunaJournal('', single.entries))).toMatchObject({ kind: 'invalid-argument', parameter: 'name' });
    const foreign = single.entries.map((e) => (e.op === 'ask' && e.seq === 1 ? { ...e, trials: [{ ...e.trials[0]!, config: { depth: 3 } }] } : e));
    expect(coreErrorOf(() => toOptunaJournal('tune', foreign)).message).toMatch(
      /entry 1: trial 0 has parameter "depth", which the study's space does not define/,
    );
  });
});
