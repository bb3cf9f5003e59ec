import type { Objective } from '../benchmark/Objective';
import { CoreError } from '../errors/CoreError';
import type { Constraint } from '../expression/Constraint';
import type { JsonValue } from '../json/JsonValue';
import type { Observation } from '../optimizer/Observation';
import type { Optimizer } from '../optimizer/Optimizer';
import type { Trial } from '../optimizer/Trial';
import type { TrialResult, TrialStatus } from '../optimizer/TrialResult';
import type { Configuration } from '../space/Configuration';
import type { SearchSpace } from '../space/SearchSpace';
import { EMPTY_SPACE } from '../space/emptySpace';
import type { TrialRecord } from './TrialRecord';
import { TrialIdSet } from './TrialIdSet';
import { WallClock, type WallClockEntry } from './WallClock';
import { describeValue } from '../errors/describeValue';

export interface StudyOptions {
  readonly space: SearchSpace;
  /** Defaults to a space with no parameters. */
  readonly fidelitySpace?: SearchSpace;
  /** Objectives in order; a bare name is minimised. */
  readonly objectives: readonly (Objective | string)[];
  readonly optimizer: Optimizer;
  /**
   * Keep every finished record in memory (`records`, `record()`, `state()`); default true. A long
   * streamed run turns it off and receives each record through `onRecord` instead: the study then
   * keeps only the ids it has used (so that no trial is told twice) and the best record.
   */
  readonly keepHistory?: boolean;
  /**
   * Constraints on the told values (objectives and metrics); each observation carries their values and
   * `best()` considers only trials that satisfy them all. Default: none.
   */
  readonly constraints?: readonly Constraint[];
  /** Called with each record as it is told, after the optimizer has been told. */
  readonly onRecord?: (record: TrialRecord) => void;
  /** Called with the optimizer's measured time of each call (streaming timing files). */
  readonly onTiming?: (entry: WallClockEntry, index: number) => void;
}

/** Where and when a trial ran, when a simulation told it. */
export interface TrialSchedule {
  readonly start: number;
  readonly end: number;
  readonly worker: number;
}

const STATUSES: readonly TrialStatus[] = ['ok', 'failed', 'diverged'];

/**
 * The ask/tell primitive. Everything crossing the boundary is checked here, once, so that
 * optimizers stay small: proposals must be legal in the spaces, told results must match a pending
 * trial and be well formed. A rejected call changes nothing (the optimizer is not told, nothing
 * is recorded), so a caller can correct the input and go on.
 *
 * The optimizer's own wall-clock time is measured apart from the history (`wallClock`), so that
 * the history stays identical from run to run.
 */
export class Study {
  readonly space: SearchSpace;
  readonly fidelitySpace: SearchSpace;
  readonly objectives: readonly Objective[];
  readonly optimizer: Optimizer;
  readonly constraints: readonly Constraint[];
  readonly wallClock: WallClock;

  private readonly pendingTrials = new Map<number, Trial>();
  private readonly finished = new Map<number, TrialRecord>();
  private readonly history: TrialRecord[] = [];
  private readonly keepHistory: boolean;
  /** Without a kept history: ids told, and the configurations a later trial may continue. */
  private readonly toldIds = new TrialIdSet();
  private readonly toldConfigs = new Map<number, Configuration>();
  private bestRecord: TrialRecord | undefined;
  private readonly onRecord: ((record: TrialRecord) => void) | undefined;

  constructor(options: StudyOptions) {
    this.space = options.space;
    this.fidelitySpace = options.fidelitySpace ?? EMPTY_SPACE;
    this.objectives = options.objectives.map((o) => (typeof o === 'string' ? { name: o, direction: 'minimize', cheap: false } : o));
    if (this.objectives.length === 0) {
      throw new CoreError('invalid-argument', 'a study needs at least one objective', { parameter: 'objectives' });
    }
    const names = new Set(this.objectives.map((o) => o.name));
    if (names.size !== this.objectives.length) {
      throw new CoreError('invalid-argument', 'objective names must be unique', { parameter: 'objectives' });
    }
    this.optimizer = options.optimizer;
    this.constraints = options.constraints ?? [];
    this.keepHistory = options.keepHistory ?? true;
    this.onRecord = options.onRecord;
    this.wallClock = new WallClock(this.keepHistory, options.onTiming);
  }

  /** Trials asked and not yet told, in id order. */
  get pending(): readonly Trial[] {
    return [...this.pendingTrials.values()].sort((a, b) => a.id - b.id);
  }

  /** Finished trials in the order they were told. */
  get records(): readonly TrialRecord[] {
    return this.history;
  }

  /** The record of a finished trial. */
  record(trialId: number): TrialRecord | undefined {
    return this.finished.get(trialId);
  }

  /**
   * Up to `n` new trials (fewer, even none, when the optimizer waits for results). A proposal that
   * breaks the optimizer contract is a CoreError of kind 'optimizer-contract'.
   */
  ask(n = 1): Trial[] {
    if (!Number.isInteger(n) || n < 1) {
      throw new CoreError('invalid-argument', `ask(n): n must be an integer >= 1, got ${String(n)}`, { parameter: 'n', allowed: 'integers >= 1' });
    }
    const proposed = this.wallClock.measure('ask', () => this.optimizer.ask(n));
    if (proposed.length > n) {
      throw new CoreError('optimizer-contract', `optimizer returned ${proposed.length} trials for ask(${n})`, { parameter: 'n' });
    }
    const accepted: Trial[] = [];
    const seen = new Set<number>();
    for (const trial of proposed) {
      accepted.push(this.checkProposal(trial, seen));
      seen.add(trial.id);
    }
    for (const trial of accepted) this.pendingTrials.set(trial.id, trial);
    return accepted;
  }

  /**
   * Records results of pending trials and passes them to the optimizer. All results are checked
   * before any is recorded: one malformed result rejects the whole call with a CoreError of kind
   * 'invalid-result' that names the field.
   */
  tell(results: TrialResult | readonly TrialResult[], schedule?: (trialId: number) => TrialSchedule | undefined): Observation[] {
    const list: readonly TrialResult[] = Array.isArray(results) ? results : [results as TrialResult];
    const seen = new Set<number>();
    const checked = list.map((result) => {
      const record = this.checkResult(result, seen);
      seen.add(record.trial.id);
      const slot = schedule?.(record.trial.id);
      return slot === undefined ? record : { ...record, start: slot.start, end: slot.end, worker: slot.worker };
    });
    const observations = checked.map((record) => this.toObservation(record));
    for (const record of checked) {
      this.pendingTrials.delete(record.trial.id);
      if (this.keepHistory) {
        this.finished.set(record.trial.id, record);
        this.history.push(record);
      } else {
        this.toldIds.add(record.trial.id);
        if (this.optimizer.capabilities.multiFidelity) this.toldConfigs.set(record.trial.id, record.trial.config);
      }
      this.noteBest(record);
    }
    if (observations.length > 0) this.wallClock.measure('tell', () => this.optimizer.tell(observations));
    if (this.onRecord !== undefined) for (const record of checked) this.onRecord(record);
    return observations;
  }

  /**
   * The best 'ok' record of a single-objective study (first one on ties) among those that satisfy every
   * constraint, if any.
   */
  best(): TrialRecord | undefined {
    return this.bestRecord;
  }

  /**
   * The constraint values of a record (see `Observation.constraints`). A constraint that reads a value
   * the record lacks (a trial rejected on its cheap metrics has no objectives) counts as 0, not known
   * to be broken; when no constraint can be computed the list is empty.
   */
  constraintValues(record: Pick<TrialRecord, 'objectives' | 'metrics'>): number[] {
    if (this.constraints.length === 0) return [];
    const values = { ...record.metrics, ...record.objectives };
    let known = 0;
    const out = this.constraints.map((constraint) => {
      if (!constraint.uses.every((name) => Number.isFinite(values[name]))) return 0;
      const value = constraint.value(values);
      if (Number.isNaN(value)) return 0;
      known++;
      return value;
    });
    return known > 0 ? out : [];
  }

  private noteBest(record: TrialRecord): void {
    if (record.status !== 'ok') return;
    if (this.constraints.length > 0) {
      const values = { ...record.metrics, ...record.objectives };
      // Only a record that is known to satisfy every constraint can be the best.
      if (!this.constraints.every((c) => c.uses.every((name) => Number.isFinite(values[name])) && c.value(values) <= 0)) return;
    }
    const objective = this.objectives[0] as Objective;
    const sign = objective.direction === 'maximize' ? -1 : 1;
    const best = this.bestRecord;
    if (best === undefined || sign * (record.objectives[objective.name] as number) < sign * (best.objectives[objective.name] as number))
      this.bestRecord = record;
  }

  /** Pending trials, history and the optimizer's state, as JSON. */
  state(): JsonValue {
    if (!this.keepHistory)
      throw new CoreError('invalid-state', 'a study that keeps no history (keepHistory: false) has no state to save', { parameter: 'keepHistory' });
    return {
      optimizer: this.optimizer.state(),
      pending: this.pending as unknown as JsonValue,
      history: this.history as unknown as JsonValue,
    };
  }

  /**
   * Restores `state()` into a study made with the same options and a fresh optimizer. The whole state
   * is checked against the spaces and objectives before anything changes: a corrupted state is a
   * CoreError of kind 'invalid-state' naming the field, and the study and its optimizer are left as
   * they were.
   */
  restore(state: JsonValue): void {
    const bad = (message: string, parameter: string, cause?: unknown): CoreError =>
      new CoreError('invalid-state', `study state: ${message}`, { parameter, cause });
    if (typeof state !== 'object' || state === null || Array.isArray(state)) {
      throw bad('must be an object {optimizer, pending, history}', 'state');
    }
    const { optimizer, pending, history } = state as { optimizer?: JsonValue; pending?: unknown; history?: unknown };
    if (!Array.isArray(pending) || !Array.isArray(history) || optimizer === undefined) {
      throw bad('must be an object {optimizer, pending, history}', 'state');
    }
    const finished = new Map<number, TrialRecord>();
    const records: TrialRecord[] = [];
    const pendingTrials = new Map<number, Trial>();
    const used = (id: number): boolean => finished.has(id) || pendingTrials.has(id);
    history.forEach((entry: unknown, i) => {
      const where = `history[${i}]`;
      const record = this.restoredRecord(entry, where, bad);
      if (used(record.trial.id)) throw bad(`${where}.trial.id ${record.trial.id} appears twice`, `${where}.trial.id`);
      this.checkContinues(record.trial, finished, where, bad);
      finished.set(record.trial.id, record);
      records.push(record);
    });
    pending.forEach((entry: unknown, i) => {
      const where = `pending[${i}]`;
      const trial = this.restoredTrial(entry, where, bad);
      if (used(trial.id)) throw bad(`${where}.id ${trial.id} appears twice`, `${where}.id`);
      this.checkContinues(trial, finished, where, bad);
      pendingTrials.set(trial.id, trial);
    });
    const before = this.optimizer.state();
    try {
      this.optimizer.restore(optimizer);
    } catch (error) {
      this.optimizer.restore(before);
      throw bad(`optimizer: ${(error as Error).message}`, 'optimizer', error);
    }
    this.pendingTrials.clear();
    this.finished.clear();
    this.history.length = 0;
    for (const [id, trial] of pendingTrials) this.pendingTrials.set(id, trial);
    this.bestRecord = undefined;
    for (const record of records) {
      this.finished.set(record.trial.id, record);
      this.history.push(record);
      this.noteBest(record);
    }
  }

  private restoredTrial(entry: unknown, where: string, bad: (message: string, parameter: string, cause?: unknown) => CoreError): Trial {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw bad(`${where} must be a trial object {id, config, fidelity}`, where);
    const trial = entry as Trial;
    if (!Number.isInteger(trial.id) || trial.id < 0) throw bad(`${where}.id must be an integer >= 0, got ${describeValue(trial.id)}`, `${where}.id`);
    let config: Configuration;
    let fidelity: Configuration;
    try {
      config = this.space.validate(trial.config);
      fidelity = this.fidelitySpace.validate(trial.fidelity ?? {});
    } catch (error) {
      throw bad(`${where} (trial ${trial.id}) is not legal in the study's spaces: ${(error as Error).message}`, `${where}.config`, error);
    }
    if (trial.continues !== undefined && (!Number.isInteger(trial.continues) || trial.continues < 0)) {
      throw bad(`${where}.continues must be a trial id, got ${describeValue(trial.continues)}`, `${where}.continues`);
    }
    if (trial.tags !== undefined && (typeof trial.tags !== 'object' || trial.tags === null || Array.isArray(trial.tags))) {
      throw bad(`${where}.tags must be an object`, `${where}.tags`);
    }
    return {
      id: trial.id,
      config,
      fidelity,
      ...(trial.continues !== undefined ? { continues: trial.continues } : {}),
      ...(trial.tags !== undefined ? { tags: trial.tags } : {}),
    };
  }

  private restoredRecord(entry: unknown, where: string, bad: (message: string, parameter: string, cause?: unknown) => CoreError): TrialRecord {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw bad(`${where} must be a record {trial, status, objectives, metrics, cost}`, where);
    const record = entry as Partial<Record<keyof TrialRecord, unknown>>;
    const trial = this.restoredTrial(record.trial, `${where}.trial`, bad);
    const status = record.status as TrialStatus;
    if (!STATUSES.includes(status)) throw bad(`${where}.status must be one of ${STATUSES.join(', ')}, got ${describeValue(status)}`, `${where}.status`);
    const objectives = numberRecord(record.objectives, `${where}.objectives`, bad);
    const names = this.objectives.map((o) => o.name);
    const expected = status === 'ok' ? names : [];
    const keys = Object.keys(objectives);
    if (keys.length !== expected.length || !expected.every((name) => Number.isFinite(objectives[name]))) {
      throw bad(
        `${where}.objectives must hold ${status === 'ok' ? `finite values of ${names.join(', ')}` : 'nothing for a non-ok trial'}, got ${describeValue(record.objectives)}`,
        `${where}.objectives`,
      );
    }
    const metrics = numberRecord(record.metrics, `${where}.metrics`, bad);
    const cost = record.cost;
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0)
      throw bad(`${where}.cost must be a finite number >= 0, got ${describeValue(cost)}`, `${where}.cost`);
    for (const key of ['start', 'end', 'worker'] as const) {
      const value = record[key];
      if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value)))
        throw bad(`${where}.${key} must be a finite number, got ${describeValue(value)}`, `${where}.${key}`);
    }
    return {
      trial,
      status,
      objectives,
      metrics,
      cost,
      ...(record.start !== undefined ? { start: record.start as number, end: record.end as number, worker: record.worker as number } : {}),
    };
  }

  private checkContinues(
    trial: Trial,
    finished: ReadonlyMap<number, TrialRecord>,
    where: string,
    bad: (message: string, parameter: string) => CoreError,
  ): void {
    if (trial.continues === undefined) return;
    const parent = finished.get(trial.continues);
    if (parent === undefined || !sameConfiguration(parent.trial.config, trial.config)) {
      throw bad(`${where} continues trial ${trial.continues}, which is not an earlier finished trial of the same configuration`, `${where}.continues`);
    }
  }

  private checkProposal(trial: Trial, seenInBatch: ReadonlySet<number>): Trial {
    const contract = (message: string, parameter: string, cause?: unknown): CoreError =>
      new CoreError('optimizer-contract', `optimizer proposal: ${message}`, { parameter, cause });
    if (typeof trial !== 'object' || trial === null) throw contract('a trial must be an object', 'trial');
    const { id } = trial;
    if (!Number.isInteger(id) || id < 0) throw contract(`trial id must be an integer >= 0, got ${String(id)}`, 'id');
    if (this.pendingTrials.has(id) || this.finished.has(id) || this.toldIds.has(id) || seenInBatch.has(id)) {
      throw contract(`trial id ${id} was already used`, 'id');
    }
    let config: Configuration;
    let fidelity: Configuration;
    try {
      config = this.space.validate(trial.config);
    } catch (error) {
      throw contract(`trial ${id} has an illegal configuration: ${(error as Error).message}`, (error as { parameter?: string }).parameter ?? 'config', error);
    }
    try {
      fidelity = this.fidelitySpace.validate(trial.fidelity ?? {});
    } catch (error) {
      throw contract(`trial ${id} has an illegal fidelity: ${(error as Error).message}`, (error as { parameter?: string }).parameter ?? 'fidelity', error);
    }
    if (trial.continues !== undefined) {
      const parent = this.finished.get(trial.continues)?.trial.config ?? this.toldConfigs.get(trial.continues);
      if (parent === undefined) {
        throw contract(`trial ${id} continues trial ${String(trial.continues)}, which has not finished`, 'continues');
      }
      if (!sameConfiguration(parent, config)) {
        throw contract(`trial ${id} continues trial ${trial.continues}, which has another configuration`, 'continues');
      }
    }
    return {
      id,
      config,
      fidelity,
      ...(trial.continues !== undefined ? { continues: trial.continues } : {}),
      ...(trial.tags !== undefined ? { tags: trial.tags } : {}),
    };
  }

  private checkResult(result: TrialResult, seenInBatch: ReadonlySet<number>): TrialRecord {
    const invalid = (message: string, parameter: string, allowed?: string): CoreError =>
      new CoreError('invalid-result', message, { parameter, ...(allowed !== undefined ? { allowed } : {}) });
    if (typeof result !== 'object' || result === null) throw invalid('a result must be an object {trialId, status, objectives}', 'result');
    const trial = this.pendingTrials.get(result.trialId);
    if (trial === undefined || seenInBatch.has(result.trialId)) {
      const pendingIds = this.pending.map((t) => t.id);
      const shown = pendingIds.length > 10 ? `${pendingIds.slice(0, 10).join(', ')}, ...` : pendingIds.join(', ');
      const why =
        this.finished.has(result.trialId) || this.toldIds.has(result.trialId) || seenInBatch.has(result.trialId)
          ? 'was already told'
          : 'is not a pending trial';
      throw invalid(`trialId ${String(result.trialId)} ${why}; pending trials: ${shown || '(none)'}`, 'trialId', shown);
    }
    const status = result.status ?? 'ok';
    if (!STATUSES.includes(status)) {
      throw invalid(`status must be one of ${STATUSES.join(', ')}, got ${JSON.stringify(status)}`, 'status', STATUSES.join(', '));
    }
    const objectives: Record<string, number> = {};
    // An empty record is no objectives: it is how a journal keeps a failed result, and replays it.
    const told = result.objectives as unknown;
    if (status !== 'ok' && told !== undefined && told !== null && (typeof told !== 'object' || Object.keys(told).length > 0)) {
      // A failed trial's numbers are not results: keeping them as objectives would let a diverged run
      // win a leaderboard, and dropping them silently loses data. Metrics are the place for them.
      throw invalid(
        `trial ${trial.id}: a ${status} result carries no objectives; report its numbers as metrics`,
        'objectives',
        'no objectives when status is failed or diverged',
      );
    }
    if (status === 'ok') {
      const given = result.objectives;
      const names = this.objectives.map((o) => o.name);
      if (given === undefined || given === null || typeof given !== 'object') {
        throw invalid(`trial ${trial.id}: an ok result needs objectives ${names.join(', ')}`, 'objectives', names.join(', '));
      }
      if (Array.isArray(given)) {
        if (given.length !== names.length) {
          throw invalid(`trial ${trial.id}: expected ${names.length} objective values (${names.join(', ')}), got ${given.length}`, 'objectives');
        }
        names.forEach((name, i) => (objectives[name] = finite(given[i], `objectives.${name}`, trial.id)));
      } else {
        const record = given as Readonly<Record<string, unknown>>;
        for (const key of Object.keys(record)) {
          if (!names.includes(key))
            throw invalid(`trial ${trial.id}: unknown objective "${key}"; objectives are ${names.join(', ')}`, `objectives.${key}`, names.join(', '));
        }
        for (const name of names) objectives[name] = finite(record[name], `objectives.${name}`, trial.id);
      }
    }
    const metrics: Record<string, number> = {};
    if (result.metrics !== undefined) {
      if (typeof result.metrics !== 'object' || result.metrics === null) throw invalid(`trial ${trial.id}: metrics must be an object of numbers`, 'metrics');
      for (const [key, value] of Object.entries(result.metrics)) {
        if (typeof value !== 'number') throw invalid(`trial ${trial.id}: metric "${key}" must be a number, got ${typeof value}`, `metrics.${key}`);
        metrics[key] = value;
      }
    }
    const cost = result.cost ?? 0;
    if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) {
      throw invalid(`trial ${trial.id}: cost must be a finite number >= 0, got ${String(cost)}`, 'cost', 'finite numbers >= 0');
    }
    return { trial, status, objectives, metrics, cost };
  }

  private toObservation(record: TrialRecord): Observation {
    const values = record.status === 'ok' ? this.objectives.map((o) => (o.direction === 'maximize' ? -1 : 1) * (record.objectives[o.name] as number)) : [];
    return { trial: record.trial, status: record.status, values, metrics: record.metrics, cost: record.cost, constraints: this.constraintValues(record) };
  }
}

function finite(value: unknown, parameter: string, trialId: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CoreError('invalid-result', `trial ${trialId}: ${parameter} must be a finite number, got ${value === undefined ? 'nothing' : String(value)}`, {
      parameter,
      allowed: 'finite numbers',
    });
  }
  return value;
}

function numberRecord(value: unknown, parameter: string, bad: (message: string, parameter: string) => CoreError): Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad(`${parameter} must be an object of numbers, got ${describeValue(value)}`, parameter);
  const out: Record<string, number> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'number') throw bad(`${parameter}.${key} must be a number, got ${describeValue(v)}`, `${parameter}.${key}`);
    out[key] = v;
  }
  return out;
}

/** Key-by-key equality of two canonical configurations. */
export function sameConfiguration(a: Configuration, b: Configuration): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
