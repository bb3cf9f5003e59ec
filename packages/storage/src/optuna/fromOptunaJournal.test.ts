import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreErrorOf } from '@jahskit/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromOptunaJournal } from './fromOptunaJournal';
import { singleObjectiveStudy, twoObjectiveStudy } from './optunaFixtures';
import type { OptunaStudyData } from './OptunaStudyData';
import { parsePythonJson } from './parsePythonJson';
import { toOptunaJournal } from './toOptunaJournal';
import { runOptunaScript } from './runOptunaScript';

// Writes a journal with Optuna's own API (ask/tell, add_trial, enqueue_trial, a deleted study, two
// studies) and prints what Optuna itself sees in it.
const WRITE = `
warnings.simplefilter("ignore")
from optuna.trial import TrialState, create_trial
from optuna.distributions import FloatDistribution
storage = optuna.storages.JournalStorage(Backend(sys.argv[1]))
optuna.create_study(study_name="gone", storage=storage)
optuna.delete_study(study_name="gone", storage=storage)
s = optuna.create_study(study_name="single", storage=storage, direction="maximize", sampler=optuna.samplers.RandomSampler(seed=1))
s.set_user_attr("owner", "me")
if hasattr(s, "set_metric_names"):
    s.set_metric_names(["accuracy"])
else:  # Optuna 3.1 has no set_metric_names; this is what it writes
    storage.set_study_system_attr(s._study_id, "study:metric_names", ["accuracy"])
def suggest(t):
    t.suggest_float("lr", 1e-5, 1e-1, log=True)
    t.suggest_int("layers", 1, 6)
    t.suggest_float("dropout", 0.0, 0.5, step=0.1)
    t.suggest_int("batch", 16, 128, step=16)
    if t.suggest_categorical("optimizer", ["sgd", "adam", None]) == "sgd":
        t.suggest_float("momentum", 0.5, 0.99)
    t.suggest_categorical("flag", [True, False])
for i in range(6):
    t = s.ask()
    suggest(t)
    if i == 1:
        s.tell(t, state=TrialState.FAIL)
    elif i == 2:
        t.report(0.3, 1)
        t.report(float("nan"), 2)
        s.tell(t, state=TrialState.PRUNED)
    elif i == 3:
        t.set_user_attr("note", {"a": [1, 2.5], "b": None})
        s.tell(t, float("inf"))
    else:
        s.tell(t, 0.1 * i)
s.add_trial(create_trial(params={"lr": 2e-6}, distributions={"lr": FloatDistribution(1e-6, 1e-1, log=True)}, value=0.05, user_attrs={"src": "added"}))
s.enqueue_trial({"lr": 0.01})
suggest(s.ask())
s.enqueue_trial({"lr": 0.02})
p = optuna.create_study(study_name="pareto", storage=storage, directions=["minimize", "maximize"], sampler=optuna.samplers.RandomSampler(seed=2))
for i in range(3):
    t = p.ask()
    x = t.suggest_float("x", -1, 1)
    if i == 1:
        p.tell(t, state=TrialState.FAIL)
    else:
        p.tell(t, [x * x, x])
def view(study):
    return {
        "name": study.study_name,
        "directions": [d.name.lower() for d in study.directions],
        "metric_names": storage.get_study_system_attrs(study._study_id).get("study:metric_names"),
        "user_attrs": study.user_attrs,
        "trials": [{
            "number": t.number,
            "state": t.state.name.lower(),
            "params": t.params,
            "values": t.values,
            "intermediateValues": {str(k): v for k, v in t.intermediate_values.items()},
            "userAttrs": t.user_attrs,
            "datetimeStart": t.datetime_start.isoformat(timespec="microseconds") if t.datetime_start else None,
            "datetimeComplete": t.datetime_complete.isoformat(timespec="microseconds") if t.datetime_complete else None,
        } for t in study.trials],
    }
print(json.dumps([view(s), view(p)]))
`;

interface OptunaView {
  readonly name: string;
  readonly directions: string[];
  readonly metric_names: string[] | null;
  readonly user_attrs: Record<string, unknown>;
  readonly trials: (OptunaStudyData['trials'][number] & { params: Record<string, unknown> })[];
}

describe('fromOptunaJournal', () => {
  let dir: string;
  let text: string | undefined;
  let views: OptunaView[] = [];
  let skipped = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jahskit-optuna-'));
    const path = join(dir, 'optuna.log');
    const run = runOptunaScript(WRITE, [path], 'write the journal');
    if ('missing' in run) {
      skipped = run.missing;
      return;
    }
    views = parsePythonJson(run.stdout) as OptunaView[];
    text = readFileSync(path, 'utf8');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads what Optuna wrote as Optuna sees it: states, params, values (inf, NaN), attributes, times', () => {
    if (text === undefined) throw new Error(skipped);
    for (const view of views) {
      const data = fromOptunaJournal(text, view.name);
      expect(data.name).toBe(view.name);
      expect(data.directions).toEqual(view.directions);
      expect(data.userAttrs).toEqual(view.user_attrs);
      // Python's None is the choice 'None' in jahskit.
      const trials = view.trials.map((t) => ({ ...t, params: Object.fromEntries(Object.entries(t.params).map(([k, v]) => [k, v ?? 'None'])) }));
      expect(data.trials).toEqual(trials);
    }
    const single = fromOptunaJournal(text, 'single');
    expect(single.metricNames).toEqual(['accuracy']);
    expect(single.trials.map((t) => t.state)).toEqual(['complete', 'fail', 'pruned', 'complete', 'complete', 'complete', 'complete', 'running', 'waiting']);
    expect(single.trials[3]!.values).toEqual([Infinity]);
    expect(single.trials[2]!.intermediateValues).toEqual({ 1: 0.3, 2: NaN });
  });

  test('parameters come from the distributions, joined over trials; a study without metric names gets Optuna’s column names', () => {
    if (text === undefined) throw new Error(skipped);
    const single = fromOptunaJournal(text, 'single');
    const byName = Object.fromEntries(single.parameters.map((p) => [p.name, p]));
    expect(single.parameters.map((p) => p.name)).toEqual(['lr', 'layers', 'dropout', 'batch', 'optimizer', 'flag', 'momentum']);
    // add_trial used a wider lr range than suggest_float: the range is their union.
    expect(byName['lr']).toMatchObject({ type: 'float', lower: 1e-6, upper: 0.1, log: true });
    expect(byName['layers']).toMatchObject({ type: 'integer', lower: 1, upper: 6, log: false });
    expect(byName['dropout']).toMatchObject({ type: 'float', lower: 0, upper: 0.5, log: false, q: 0.1 });
    expect(byName['batch']).toEqual({ type: 'ordinal', name: 'batch', sequence: [16, 32, 48, 64, 80, 96, 112, 128], default: 16 });
    expect(byName['optimizer']).toEqual({ type: 'categorical', name: 'optimizer', choices: ['sgd', 'adam', 'None'], default: 'sgd' });
    expect(byName['flag']).toEqual({ type: 'categorical', name: 'flag', choices: [true, false], default: true });
    expect(byName['momentum']).toMatchObject({ type: 'float', lower: 0.5, upper: 0.99, log: false });
    for (const p of single.parameters) {
      if (p.type === 'float' || p.type === 'integer') expect(p.default >= p.lower && p.default <= p.upper).toBe(true);
    }
    const pareto = fromOptunaJournal(text, 'pareto');
    expect(pareto.directions).toEqual(['minimize', 'maximize']);
    expect(pareto.metricNames).toEqual(['values_0', 'values_1']);
  });

  test('several studies: a name picks one; without a name, or with one the log does not hold, the error lists the names', () => {
    if (text === undefined) throw new Error(skipped);
    const ambiguous = coreErrorOf(() => fromOptunaJournal(text!));
    expect(ambiguous).toMatchObject({ kind: 'invalid-argument', parameter: 'study' });
    expect(ambiguous.message).toBe('the Optuna journal holds 2 studies; name the one to read: "single", "pareto"');
    // A deleted study is gone, as in Optuna.
    expect(coreErrorOf(() => fromOptunaJournal(text!, 'gone')).message).toBe('the Optuna journal holds no study named "gone"; it holds "single", "pareto"');
  });

  test('bad input is a journal-corrupt error naming the line and what was expected', () => {
    if (text === undefined) throw new Error(skipped);
    const lines = text.split('\n');
    const last = lines.length - 1; // the text ends with a newline: lines[last] is ''
    const cut = `${lines.slice(0, last - 1).join('\n')}\n${lines[last - 1]!.slice(0, 40)}`;
    const truncated = coreErrorOf(() => fromOptunaJournal(cut, 'single'));
    expect(truncated.kind).toBe('journal-corrupt');
    expect(truncated.message).toBe(`Optuna journal line ${last}: expected a complete operation, but the file ends inside it (a truncated last line)`);
    const unknown = coreErrorOf(() => fromOptunaJournal(`${text}{"op_code": 12, "worker_id": "w"}\n`, 'single'));
    expect(unknown.message).toBe(`Optuna journal line ${last + 1}: expected an "op_code" from 0 (CREATE_STUDY) to 9 (SET_TRIAL_SYSTEM_ATTR), got 12`);
    const broken = lines.map((line, i) => (i === 4 ? line.replace('"study_id"', '"study"') : line)).join('\n');
    expect(coreErrorOf(() => fromOptunaJournal(broken, 'single')).message).toMatch(
      /^Optuna journal line 5: expected a field "study_id" in this SET_STUDY_\w+ operation$/,
    );
  });

  test('what is not an Optuna journal is refused at its first line', () => {
    const jahskit = coreErrorOf(() => fromOptunaJournal('{"seq":0,"op":"create","spec":{}}\n'));
    expect(jahskit).toMatchObject({ kind: 'journal-corrupt', parameter: 'text' });
    expect(jahskit.message).toBe(
      'Optuna journal line 1: expected an Optuna journal operation with "op_code", got a jahskit journal entry (open it as a jahskit study instead)',
    );
    expect(coreErrorOf(() => fromOptunaJournal('name,value\nlr,0.1\n')).message).toMatch(
      /^Optuna journal line 1: expected one JSON operation per line, got text that is not JSON \(expected a JSON value at character 1, found "name,value"\)$/,
    );
    expect(coreErrorOf(() => fromOptunaJournal('[1, 2]\n')).message).toBe(
      'Optuna journal line 1: expected an Optuna journal operation {"op_code": ..., "worker_id": ..., ...}, got [1,2]',
    );
    expect(coreErrorOf(() => fromOptunaJournal('\n\n')).message).toBe(
      'Optuna journal line 1: expected an Optuna journal (one JSON operation per line), got an empty text',
    );
    const badChoice = [
      '{"op_code": 0, "worker_id": "w", "study_name": "s", "directions": [1]}',
      '{"op_code": 4, "worker_id": "w", "study_id": 0, "datetime_start": null}',
      '{"op_code": 5, "worker_id": "w", "trial_id": 0, "param_name": "c", "param_value_internal": 5, "distribution": "{\\"name\\": \\"CategoricalDistribution\\", \\"attributes\\": {\\"choices\\": [\\"a\\", \\"b\\"]}}"}',
    ].join('\n');
    expect(coreErrorOf(() => fromOptunaJournal(badChoice)).message).toBe(
      'Optuna journal line 3: expected the index of a choice of parameter "c" (0 to 1), got 5',
    );
  });

  test('Optuna’s replay rules: a parameter whose distribution differs from its first trial’s is dropped, a finished trial takes no more changes', () => {
    const dist = (choices: string) => JSON.stringify(`{"name": "CategoricalDistribution", "attributes": {"choices": ${choices}}}`);
    const log = [
      '{"op_code": 0, "worker_id": "w", "study_name": "s", "directions": [1]}',
      '{"op_code": 0, "worker_id": "w", "study_name": "s", "directions": [2]}',
      `{"op_code": 4, "worker_id": "w", "study_id": 0, "datetime_start": null, "state": 1, "value": 1.5, "values": null, "params": {"c": 1}, "distributions": {"c": ${dist('[true, 2]')}}}`,
      '{"op_code": 4, "worker_id": "w", "study_id": 0, "datetime_start": "2024-01-01T00:00:00.000000"}',
      `{"op_code": 5, "worker_id": "w", "trial_id": 1, "param_name": "c", "param_value_internal": 0, "distribution": ${dist('[1, 2.0]')}}`,
      `{"op_code": 5, "worker_id": "w", "trial_id": 1, "param_name": "d", "param_value_internal": 0, "distribution": ${dist('["x"]')}}`,
      '{"op_code": 4, "worker_id": "w", "study_id": 0, "datetime_start": "2024-01-01T00:00:00.000000"}',
      `{"op_code": 5, "worker_id": "w", "trial_id": 2, "param_name": "c", "param_value_internal": 0, "distribution": ${dist('["a", "b"]')}}`,
      '{"op_code": 6, "worker_id": "w", "trial_id": 2, "state": 3, "values": null, "datetime_complete": "2024-01-01T00:00:01.000000"}',
      '{"op_code": 8, "worker_id": "w", "trial_id": 2, "user_attr": {"late": true}}',
      '{"op_code": 4, "worker_id": "w", "study_id": 7, "datetime_start": null}',
    ].join('\n');
    const data = fromOptunaJournal(log);
    expect(data.directions).toEqual(['minimize']);
    expect(data.metricNames).toEqual(['value']);
    // (1, 2.0) equals (True, 2) in Python: compatible. ("a", "b") is not: dropped.
    expect(data.trials.map((t) => [t.state, t.params, t.values, t.userAttrs])).toEqual([
      ['complete', { c: 2 }, [1.5], {}],
      ['running', { c: 1, d: 'x' }, null, {}],
      ['fail', {}, null, {}],
    ]);
    expect(data.parameters).toEqual([
      { type: 'categorical', name: 'c', choices: [true, 2, 1], default: true },
      { type: 'constant', name: 'd', value: 'x', default: 'x' },
    ]);
  });

  test('reads back what toOptunaJournal writes: jahskit trials, results and bookkeeping survive the trip', async () => {
    const { entries, study } = await singleObjectiveStudy();
    const data = fromOptunaJournal(toOptunaJournal('tune', entries));
    expect(data.userAttrs['jahskit:spec']).toEqual(study.definition);
    expect(data.metricNames).toEqual(['val_loss']);
    const records = new Map(study.records.map((r) => [r.trial.id, r]));
    const late = new Map(study.late.map((r) => [r.trial.id, r]));
    for (const trial of data.trials) {
      const id = trial.userAttrs['jahskit:trial'] as number;
      const record = records.get(id);
      const pending = study.pending.find((t) => t.id === id);
      expect(trial.params).toEqual((record?.trial ?? pending)!.config);
      if (record === undefined) {
        expect(trial.state).toBe('running');
        continue;
      }
      expect(trial.values).toEqual(record.status === 'ok' ? [record.objectives['val_loss']] : null);
      expect(trial.userAttrs['jahskit:status']).toBe(study.expiredTrials.has(id) ? 'expired' : record.status);
      const kept = late.get(id);
      if (kept !== undefined)
        expect(trial.userAttrs['jahskit:late']).toEqual({ status: kept.status, objectives: kept.objectives, metrics: kept.metrics, cost: kept.cost });
      else expect([trial.userAttrs['jahskit:cost'], trial.userAttrs['jahskit:metrics']]).toEqual([record.cost, record.metrics]);
    }
    const pareto = await twoObjectiveStudy();
    const two = fromOptunaJournal(toOptunaJournal('pareto', pareto.entries), 'pareto');
    expect(two.directions).toEqual(['minimize', 'maximize']);
    expect(two.trials.map((t) => t.values)).toEqual(
      pareto.study.records.map((r) => (r.status === 'ok' ? [r.objectives['loss'], r.objectives['accuracy']] : null)),
    );
  });
});
