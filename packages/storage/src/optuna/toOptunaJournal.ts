import { CoreError, describeValue, type JournalEntry, type JournalResult, type ParamValue, type StudySpec, type Trial } from '@jahskit/core';
import { OPTUNA_METRIC_NAMES_ATTR, OPTUNA_OP } from './optunaJournalCodes';
import { optunaDistributionJson } from './OptunaDistribution';
import { optunaDistributionOf } from './optunaDistributionOf';
import { PythonFloat } from './PythonFloat';
import { pythonJson, type PythonJsonValue } from './pythonJson';

/** The worker id of the study-level operations, which no jahskit worker wrote. */
const EXPORT_WORKER = 'jahskit-export';

// TrialState values. A trial is created RUNNING (Optuna's default) and stays so while pending.
const COMPLETE = 1;
const FAIL = 3;

/**
 * A jahskit study journal as an Optuna JournalStorage log (Optuna 3.1+): the text of a file that
 * `optuna.load_study(study_name=name, storage=JournalStorage(JournalFileStorage(path)))` opens (the
 * class is `JournalFileBackend` from Optuna 4).
 *
 * The operations are those Optuna writes for an ask/tell loop, in the journal's order: each asked
 * trial is created running, its active parameters set one by one, and its jahskit bookkeeping kept as
 * user attributes (`jahskit:trial`, `jahskit:fidelity`, `jahskit:continues`, `jahskit:tags`); a tell
 * sets `jahskit:status`, `jahskit:cost` and `jahskit:metrics` and finishes the trial (ok -> COMPLETE
 * with the objective values in study order, failed or diverged -> FAIL); an expiry fails the trial with
 * status `expired`. Trials still pending stay RUNNING. The objective names go where
 * `Study.set_metric_names` puts them, and the study spec into the study user attribute `jahskit:spec`.
 * Worker ids are the jahskit worker names; times are UTC, without an offset, as Optuna's naive
 * timestamps are.
 *
 * The log holds one study: study id 0, Optuna trial numbers in the order the trials were asked.
 */
export function toOptunaJournal(name: string, entries: readonly JournalEntry[]): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new CoreError('invalid-argument', `name must be a non-empty study name, got ${describeValue(name)}`, {
      parameter: 'name',
      allowed: 'non-empty strings',
    });
  }
  const first = entries[0];
  if (first?.op !== 'create') {
    throw new CoreError('invalid-argument', `entries must be a study journal starting with its "create" entry, got ${describeValue(first, 120)}`, {
      parameter: 'entries',
    });
  }
  const spec = first.spec;
  const writer = new Writer(spec);
  writer.study(name);
  // A finished Optuna trial takes no more attributes, and an expired trial is failed before its late
  // result arrives: the late result is written with the expiry, ahead of the failure.
  const late = new Map<number, JournalResult>();
  for (const entry of entries) if (entry.op === 'tell' && entry.late === true) late.set(entry.result.trialId, entry.result);
  for (const entry of entries.slice(1)) {
    switch (entry.op) {
      case 'create':
        throw new CoreError('invalid-argument', `entries: entry ${entry.seq} creates the study again`, { parameter: 'entries' });
      case 'ask':
        for (const trial of entry.trials) writer.ask(trial, entry.worker, entry.at, entry.seq);
        break;
      case 'tell':
        if (entry.late !== true) writer.tell(entry.result, entry.worker, entry.at, entry.seq);
        break;
      case 'expire':
        for (const id of entry.trials) writer.expire(id, late.get(id), entry.worker, entry.at, entry.seq);
        break;
      case 'heartbeat':
        break;
    }
  }
  return writer.lines.map((line) => `${line}\n`).join('');
}

class Writer {
  readonly lines: string[] = [];
  private readonly optunaId = new Map<number, number>();
  private readonly parameters: Map<string, { readonly json: string; readonly float: boolean; readonly internal: (value: ParamValue) => number | undefined }>;

  constructor(private readonly spec: StudySpec) {
    this.parameters = new Map(
      spec.parameters.map((p) => {
        const { distribution, internal } = optunaDistributionOf(p);
        // Optuna stores float and int values as Python floats, category indices as ints.
        return [p.name, { json: optunaDistributionJson(distribution), float: distribution.kind !== 'categorical', internal }];
      }),
    );
  }

  study(name: string): void {
    const directions = this.spec.objectives.map((o) => (o.direction === 'maximize' ? 2 : 1));
    this.op(OPTUNA_OP.CREATE_STUDY, EXPORT_WORKER, { study_name: name, directions });
    this.op(OPTUNA_OP.SET_STUDY_SYSTEM_ATTR, EXPORT_WORKER, {
      study_id: 0,
      system_attr: { [OPTUNA_METRIC_NAMES_ATTR]: this.spec.objectives.map((o) => o.name) },
    });
    this.op(OPTUNA_OP.SET_STUDY_USER_ATTR, EXPORT_WORKER, { study_id: 0, user_attr: { 'jahskit:spec': this.spec as unknown as PythonJsonValue } });
  }

  ask(trial: Trial, worker: string, at: number, seq: number): void {
    if (this.optunaId.has(trial.id)) throw corrupt(seq, `trial ${trial.id} is asked a second time`);
    const id = this.optunaId.size;
    this.optunaId.set(trial.id, id);
    this.op(OPTUNA_OP.CREATE_TRIAL, worker, { study_id: 0, datetime_start: timestamp(at, seq) });
    for (const [name, value] of Object.entries(trial.config)) {
      const parameter = this.parameters.get(name);
      if (parameter === undefined) throw corrupt(seq, `trial ${trial.id} has parameter "${name}", which the study's space does not define`);
      const internal = parameter.internal(value);
      if (internal === undefined) throw corrupt(seq, `trial ${trial.id}: ${describeValue(value)} is not a value of parameter "${name}"`);
      const field = parameter.float ? new PythonFloat(internal) : internal;
      this.op(OPTUNA_OP.SET_TRIAL_PARAM, worker, { trial_id: id, param_name: name, param_value_internal: field, distribution: parameter.json });
    }
    this.userAttr(id, worker, 'jahskit:trial', trial.id);
    if (Object.keys(trial.fidelity).length > 0) this.userAttr(id, worker, 'jahskit:fidelity', trial.fidelity);
    if (trial.continues !== undefined) this.userAttr(id, worker, 'jahskit:continues', trial.continues);
    if (trial.tags !== undefined) this.userAttr(id, worker, 'jahskit:tags', trial.tags);
  }

  tell(result: JournalResult, worker: string, at: number, seq: number): void {
    const id = this.trial(result.trialId, seq);
    this.userAttr(id, worker, 'jahskit:status', result.status);
    this.userAttr(id, worker, 'jahskit:cost', new PythonFloat(result.cost));
    this.userAttr(id, worker, 'jahskit:metrics', floats(result.metrics));
    if (result.status !== 'ok') {
      this.finish(id, worker, FAIL, null, at, seq);
      return;
    }
    const values = this.spec.objectives.map((o) => {
      const value = result.objectives[o.name];
      if (value === undefined) throw corrupt(seq, `trial ${result.trialId} is ok without a value of objective "${o.name}"`);
      return new PythonFloat(value);
    });
    this.finish(id, worker, COMPLETE, values, at, seq);
  }

  expire(trialId: number, late: JournalResult | undefined, worker: string, at: number, seq: number): void {
    const id = this.trial(trialId, seq);
    this.userAttr(id, worker, 'jahskit:status', 'expired');
    if (late !== undefined) {
      const { status, objectives, metrics, cost } = late;
      this.userAttr(id, worker, 'jahskit:late', { status, objectives: floats(objectives), metrics: floats(metrics), cost: new PythonFloat(cost) });
    }
    this.finish(id, worker, FAIL, null, at, seq);
  }

  private trial(trialId: number, seq: number): number {
    const id = this.optunaId.get(trialId);
    if (id === undefined) throw corrupt(seq, `trial ${trialId} is finished but was never asked`);
    return id;
  }

  private finish(id: number, worker: string, state: number, values: PythonJsonValue, at: number, seq: number): void {
    this.op(OPTUNA_OP.SET_TRIAL_STATE_VALUES, worker, { trial_id: id, state, values, datetime_complete: timestamp(at, seq) });
  }

  private userAttr(id: number, worker: string, key: string, value: PythonJsonValue): void {
    this.op(OPTUNA_OP.SET_TRIAL_USER_ATTR, worker, { trial_id: id, user_attr: { [key]: value } });
  }

  private op(code: number, worker: string, fields: { readonly [key: string]: PythonJsonValue }): void {
    this.lines.push(pythonJson({ op_code: code, worker_id: worker, ...fields }));
  }
}

function floats(record: Readonly<Record<string, number>>): PythonJsonValue {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, new PythonFloat(value)]));
}

const LAST_MS = Date.UTC(10000, 0, 1);

/** `datetime.isoformat(timespec="microseconds")` of a naive datetime, in UTC. */
function timestamp(at: number, seq: number): string {
  // Python reads four-digit years only.
  if (!(at >= 0 && at < LAST_MS)) throw corrupt(seq, `time ${describeValue(at)} is not a time in milliseconds`);
  return `${new Date(at).toISOString().slice(0, 23)}000`;
}

function corrupt(seq: number, problem: string): CoreError {
  return new CoreError('invalid-argument', `entries: entry ${seq}: ${problem}`, { parameter: 'entries' });
}
