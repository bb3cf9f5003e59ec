import { CoreError, describeValue, type Direction, type JsonValue, type ParamValue } from '@jahskit/core';
import { OPTUNA_DIRECTIONS, OPTUNA_METRIC_NAMES_ATTR, OPTUNA_OP, OPTUNA_STATES } from './optunaJournalCodes';
import { externalValue, readOptunaDistribution, type OptunaDistribution } from './OptunaDistribution';
import type { OptunaStudyData, OptunaTrialData } from './OptunaStudyData';
import { optunaChoice, parameterOfDistributions } from './parameterOfDistributions';
import { parsePythonJson } from './parsePythonJson';

/**
 * Reads one study out of the text of an Optuna JournalStorage log (the file of `JournalFileStorage`,
 * Optuna 3.1+, or `JournalFileBackend`). The operations are replayed with Optuna's own rules, so the
 * result is what `optuna.load_study` would show: an operation on a deleted study or a finished trial
 * is ignored, a second study of the same name is ignored, a parameter whose distribution does not
 * match the one an earlier trial used is dropped.
 *
 * `study` names the study to read; without it the log must hold exactly one. A log that is not an
 * Optuna journal, is cut off in its last line or holds an unknown operation is a CoreError of kind
 * 'journal-corrupt' whose message names the line and what was expected there; a study name the log
 * does not hold (or, without a name, several studies) is one of kind 'invalid-argument' listing the
 * names it holds.
 */
export function fromOptunaJournal(text: string, study?: string): OptunaStudyData {
  if (typeof text !== 'string')
    throw new CoreError('invalid-argument', `text must be the text of an Optuna journal, got ${describeValue(text)}`, { parameter: 'text' });
  const replay = new Replay();
  const lines = text.split('\n');
  let operations = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.trim() === '') continue;
    operations++;
    let log: unknown;
    try {
      log = parsePythonJson(line);
    } catch (error) {
      // Optuna writes each operation with its newline in one append: a last line without one is a copy
      // taken while an operation was being written.
      if (i === lines.length - 1) throw corrupt(i + 1, 'expected a complete operation, but the file ends inside it (a truncated last line)');
      throw corrupt(i + 1, `expected one JSON operation per line, got text that is not JSON (${(error as Error).message})`);
    }
    replay.apply(log, i + 1);
  }
  if (operations === 0) throw corrupt(1, 'expected an Optuna journal (one JSON operation per line), got an empty text');
  return replay.study(study);
}

interface StudyRecord {
  readonly name: string;
  readonly directions: readonly number[];
  readonly userAttrs: Map<string, JsonValue>;
  readonly systemAttrs: Map<string, JsonValue>;
  readonly trials: number[];
}

interface TrialRecord {
  /** The trial ids of its study, which Optuna keeps (and checks distributions against) after a deletion. */
  readonly siblings: readonly number[];
  readonly number: number;
  state: number;
  readonly params: Map<string, { readonly value: ParamValue | null; readonly distribution: OptunaDistribution }>;
  values: readonly number[] | null;
  readonly intermediate: Map<number, number>;
  readonly userAttrs: Map<string, JsonValue>;
  datetimeStart: string | null;
  datetimeComplete: string | null;
}

const RUNNING = 0;
const isFinished = (state: number): boolean => state === 1 || state === 2 || state === 3;

class Replay {
  private readonly studies = new Map<number, StudyRecord>();
  private nextStudy = 0;
  private readonly trials: TrialRecord[] = [];
  /** Parsed distributions by their JSON text: a journal repeats the same few thousands of times. */
  private readonly distributions = new Map<string, OptunaDistribution>();
  private readonly firstHolders = new WeakMap<readonly number[], Map<string, number>>();

  apply(log: unknown, line: number): void {
    const fail = (expected: string): never => {
      throw corrupt(line, expected);
    };
    if (typeof log !== 'object' || log === null || Array.isArray(log)) {
      fail(`expected an Optuna journal operation {"op_code": ..., "worker_id": ..., ...}, got ${describeValue(log, 80)}`);
    }
    const op = new Fields(log as Record<string, unknown>, fail);
    if (!('op_code' in op.log) && 'op' in op.log && 'seq' in op.log) {
      fail('expected an Optuna journal operation with "op_code", got a jahskit journal entry (open it as a jahskit study instead)');
    }
    const code = op.integer('op_code');
    op.string('worker_id');
    switch (code) {
      case OPTUNA_OP.CREATE_STUDY:
        return this.createStudy(op);
      case OPTUNA_OP.DELETE_STUDY:
        this.studies.delete(op.integer('study_id'));
        return;
      case OPTUNA_OP.SET_STUDY_USER_ATTR:
      case OPTUNA_OP.SET_STUDY_SYSTEM_ATTR: {
        // As in Optuna, the other fields of an operation on a missing study or a finished trial are not read.
        const target = this.studies.get(op.integer('study_id'));
        if (target === undefined) return;
        const user = code === OPTUNA_OP.SET_STUDY_USER_ATTR;
        for (const [key, value] of Object.entries(op.object(user ? 'user_attr' : 'system_attr')))
          (user ? target.userAttrs : target.systemAttrs).set(key, value as JsonValue);
        return;
      }
      case OPTUNA_OP.CREATE_TRIAL:
        return this.createTrial(op);
      case OPTUNA_OP.SET_TRIAL_PARAM:
        return this.setParam(op);
      case OPTUNA_OP.SET_TRIAL_STATE_VALUES:
        return this.setState(op);
      case OPTUNA_OP.SET_TRIAL_INTERMEDIATE_VALUE: {
        const trial = this.updatable(op.integer('trial_id'));
        trial?.intermediate.set(op.integer('step'), op.number('intermediate_value'));
        return;
      }
      case OPTUNA_OP.SET_TRIAL_USER_ATTR: {
        const trial = this.updatable(op.integer('trial_id'));
        if (trial !== undefined) for (const [key, value] of Object.entries(op.object('user_attr'))) trial.userAttrs.set(key, value as JsonValue);
        return;
      }
      case OPTUNA_OP.SET_TRIAL_SYSTEM_ATTR:
        if (this.updatable(op.integer('trial_id')) !== undefined) op.object('system_attr');
        return;
      default:
        return fail(`expected an "op_code" from 0 (CREATE_STUDY) to 9 (SET_TRIAL_SYSTEM_ATTR), got ${code}`);
    }
  }

  study(name: string | undefined): OptunaStudyData {
    const all = [...this.studies.values()];
    const names = all.map((s) => JSON.stringify(s.name)).join(', ');
    let chosen: StudyRecord | undefined;
    if (name !== undefined) {
      chosen = all.find((s) => s.name === name);
      if (chosen === undefined) {
        throw new CoreError('invalid-argument', `the Optuna journal holds no study named ${JSON.stringify(name)}; it holds ${names || 'no study'}`, {
          parameter: 'study',
          allowed: names,
        });
      }
    } else if (all.length !== 1) {
      throw new CoreError(
        'invalid-argument',
        all.length === 0
          ? 'the Optuna journal holds no study (all were deleted)'
          : `the Optuna journal holds ${all.length} studies; name the one to read: ${names}`,
        { parameter: 'study', allowed: names },
      );
    } else {
      chosen = all[0] as StudyRecord;
    }
    return this.data(chosen);
  }

  private data(study: StudyRecord): OptunaStudyData {
    const directions = study.directions.map((d, i): Direction => {
      if (d === 0)
        throw new CoreError(
          'invalid-argument',
          `Optuna study ${JSON.stringify(study.name)}: objective ${i} has no direction (NOT_SET); jahskit needs minimize or maximize`,
          { parameter: 'study' },
        );
      return OPTUNA_DIRECTIONS[d] as Direction;
    });
    const recorded = study.systemAttrs.get(OPTUNA_METRIC_NAMES_ATTR);
    const metricNames =
      Array.isArray(recorded) && recorded.length === directions.length && recorded.every((n) => typeof n === 'string')
        ? (recorded as string[])
        : directions.length === 1
          ? ['value']
          : directions.map((_, i) => `values_${i}`);
    const trials = study.trials.map((id) => this.trials[id] as TrialRecord);
    const seen = new Map<string, Set<OptunaDistribution>>();
    for (const trial of trials) {
      for (const [param, { distribution }] of trial.params) {
        let set = seen.get(param);
        if (set === undefined) seen.set(param, (set = new Set()));
        set.add(distribution);
      }
    }
    const parameters = [...seen].map(([param, set]) => parameterOfDistributions(param, [...set]));
    return {
      name: study.name,
      directions,
      metricNames,
      userAttrs: Object.fromEntries(study.userAttrs),
      parameters,
      trials: trials.map((t): OptunaTrialData => ({
        number: t.number,
        state: OPTUNA_STATES[t.state] as OptunaTrialData['state'],
        params: Object.fromEntries([...t.params].map(([param, { value }]) => [param, optunaChoice(value)])),
        values: t.values,
        intermediateValues: Object.fromEntries([...t.intermediate].map(([step, value]) => [String(step), value])),
        userAttrs: Object.fromEntries(t.userAttrs),
        datetimeStart: t.datetimeStart,
        datetimeComplete: t.datetimeComplete,
      })),
    };
  }

  private createStudy(op: Fields): void {
    const name = op.string('study_name');
    const directions = op.array('directions').map((d) => {
      if (d !== 0 && d !== 1 && d !== 2) op.fail(`expected "directions" of 0 (NOT_SET), 1 (MINIMIZE) or 2 (MAXIMIZE), got ${describeValue(d)}`);
      return d as number;
    });
    if (directions.length === 0) op.fail('expected at least one direction in "directions"');
    if ([...this.studies.values()].some((s) => s.name === name)) return;
    this.studies.set(this.nextStudy++, { name, directions, userAttrs: new Map(), systemAttrs: new Map(), trials: [] });
  }

  private createTrial(op: Fields): void {
    const study = this.studies.get(op.integer('study_id'));
    if (study === undefined) return;
    const datetimeStart = op.nullableString('datetime_start');
    const state = op.has('state') ? op.state('state') : RUNNING;
    const value = op.has('value') ? op.nullableNumber('value') : null;
    const values = op.has('values') ? op.numbers('values') : null;
    const datetimeComplete = op.has('datetime_complete') ? op.string('datetime_complete') : null;
    const distributions = new Map(
      Object.entries(op.has('distributions') ? op.object('distributions') : {}).map(([k, v]) => [k, this.distribution(v, op.fail)]),
    );
    const params = new Map<string, { value: ParamValue | null; distribution: OptunaDistribution }>();
    for (const [param, internal] of Object.entries(op.has('params') ? op.object('params') : {})) {
      const distribution = distributions.get(param);
      if (distribution === undefined) op.fail(`expected a distribution for parameter "${param}" in "distributions"`);
      params.set(param, { value: this.external(distribution, internal, param, op.fail), distribution });
    }
    const userAttrs = new Map(Object.entries(op.has('user_attrs') ? op.object('user_attrs') : {}) as [string, JsonValue][]);
    const intermediate = new Map<number, number>();
    for (const [step, v] of Object.entries(op.has('intermediate_values') ? op.object('intermediate_values') : {})) {
      if (!/^-?\d+$/.test(step) || typeof v !== 'number')
        op.fail(`expected "intermediate_values" mapping integer steps to numbers, got ${JSON.stringify(step)}: ${describeValue(v)}`);
      intermediate.set(Number(step), v);
    }
    const id = this.trials.length;
    study.trials.push(id);
    const holders = this.holders(study.trials);
    for (const param of params.keys()) if (!holders.has(param)) holders.set(param, id);
    this.trials.push({
      siblings: study.trials,
      number: study.trials.length - 1,
      state,
      params,
      values: values ?? (value === null ? null : [value]),
      intermediate,
      userAttrs,
      datetimeStart,
      datetimeComplete,
    });
  }

  private setParam(op: Fields): void {
    const id = op.integer('trial_id');
    const trial = this.updatable(id);
    if (trial === undefined) return;
    const name = op.string('param_name');
    const internal = op.number('param_value_internal');
    const distribution = this.distribution(op.get('distribution'), op.fail);
    const holders = this.holders(trial.siblings);
    const first = holders.get(name);
    const held = first === undefined ? undefined : this.trials[first]?.params.get(name);
    if (held !== undefined && !compatible(held.distribution, distribution)) return;
    trial.params.set(name, { value: this.external(distribution, internal, name, op.fail), distribution });
    if (first === undefined || id < first) holders.set(name, id);
  }

  /** The first trial of a study holding each parameter, whose distribution Optuna checks a new one against. */
  private holders(siblings: readonly number[]): Map<string, number> {
    let holders = this.firstHolders.get(siblings);
    if (holders === undefined) this.firstHolders.set(siblings, (holders = new Map()));
    return holders;
  }

  private setState(op: Fields): void {
    const trial = this.updatable(op.integer('trial_id'));
    if (trial === undefined) return;
    const state = op.state('state');
    const values = op.numbers('values');
    if (state === RUNNING && trial.state === RUNNING) return;
    if (state === RUNNING) trial.datetimeStart = op.string('datetime_start');
    if (isFinished(state)) trial.datetimeComplete = op.string('datetime_complete');
    trial.state = state;
    if (values !== null) trial.values = values;
  }

  private updatable(id: number): TrialRecord | undefined {
    const trial = this.trials[id];
    return trial === undefined || isFinished(trial.state) ? undefined : trial;
  }

  private distribution(text: unknown, fail: (expected: string) => never): OptunaDistribution {
    const cached = typeof text === 'string' ? this.distributions.get(text) : undefined;
    if (cached !== undefined) return cached;
    const distribution = readOptunaDistribution(text, (expected) => fail(`expected ${expected}`));
    this.distributions.set(text as string, distribution);
    return distribution;
  }

  private external(distribution: OptunaDistribution, internal: unknown, param: string, fail: (expected: string) => never): ParamValue | null {
    if (typeof internal !== 'number') fail(`expected a number as the stored value of parameter "${param}", got ${describeValue(internal)}`);
    const value = externalValue(distribution, internal);
    if (value === undefined)
      fail(
        `expected the index of a choice of parameter "${param}" (0 to ${(distribution as { readonly choices: readonly unknown[] }).choices.length - 1}), got ${internal}`,
      );
    return value;
  }
}

/** `check_distribution_compatibility`: same class, same log scale, same choices (compared as Python does, True == 1). */
function compatible(a: OptunaDistribution, b: OptunaDistribution): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'categorical' && b.kind === 'categorical') {
    return a.choices.length === b.choices.length && a.choices.every((c, i) => pythonEqual(c, b.choices[i] as ParamValue | null));
  }
  return (a as { log: boolean }).log === (b as { log: boolean }).log;
}

function pythonEqual(a: ParamValue | null, b: ParamValue | null): boolean {
  const numeric = (x: unknown): boolean => typeof x === 'number' || typeof x === 'boolean';
  return numeric(a) && numeric(b) ? Number(a) === Number(b) : a === b;
}

/** Typed access to an operation's fields, failing with what was expected. */
class Fields {
  constructor(
    readonly log: Record<string, unknown>,
    readonly fail: (expected: string) => never,
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.log, key);
  }

  get(key: string): unknown {
    if (!this.has(key)) this.fail(`expected a field "${key}" in this ${this.opName()} operation`);
    return this.log[key];
  }

  integer(key: string): number {
    const value = this.get(key);
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(`expected an integer as "${key}", got ${describeValue(value)}`);
    return value;
  }

  number(key: string): number {
    const value = this.get(key);
    if (typeof value !== 'number') this.fail(`expected a number as "${key}", got ${describeValue(value)}`);
    return value;
  }

  nullableNumber(key: string): number | null {
    const value = this.get(key);
    return value === null ? null : this.number(key);
  }

  numbers(key: string): readonly number[] | null {
    const value = this.get(key);
    if (value === null) return null;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'number'))
      this.fail(`expected a list of numbers or null as "${key}", got ${describeValue(value)}`);
    return value as number[];
  }

  string(key: string): string {
    const value = this.get(key);
    if (typeof value !== 'string') this.fail(`expected a string as "${key}", got ${describeValue(value)}`);
    return value;
  }

  nullableString(key: string): string | null {
    return this.get(key) === null ? null : this.string(key);
  }

  array(key: string): readonly unknown[] {
    const value = this.get(key);
    if (!Array.isArray(value)) this.fail(`expected a list as "${key}", got ${describeValue(value)}`);
    return value;
  }

  object(key: string): Record<string, unknown> {
    const value = this.get(key);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(`expected an object as "${key}", got ${describeValue(value)}`);
    return value as Record<string, unknown>;
  }

  state(key: string): number {
    const value = this.get(key);
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= OPTUNA_STATES.length) {
      this.fail(`expected a trial state from 0 (RUNNING) to 4 (WAITING) as "${key}", got ${describeValue(value)}`);
    }
    return value as number;
  }

  private opName(): string {
    const code = this.log['op_code'];
    return Object.keys(OPTUNA_OP).find((k) => OPTUNA_OP[k as keyof typeof OPTUNA_OP] === code) ?? 'journal';
  }
}

function corrupt(line: number, problem: string): CoreError {
  return new CoreError('journal-corrupt', `Optuna journal line ${line}: ${problem}`, { parameter: 'text' });
}
