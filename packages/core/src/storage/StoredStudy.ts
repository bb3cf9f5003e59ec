import type { Objective } from '../benchmark/Objective';
import { CoreError } from '../errors/CoreError';
import { describeValue } from '../errors/describeValue';
import type { Constraint } from '../expression/Constraint';
import { loadExpressionCompiler } from '../expression/loadExpressionCompiler';
import type { JsonValue } from '../json/JsonValue';
import type { Optimizer } from '../optimizer/Optimizer';
import { optimizerContextFor } from '../optimizer/optimizerContextFor';
import type { PluginRegistry } from '../plugin/PluginRegistry';
import type { Trial } from '../optimizer/Trial';
import type { TrialResult } from '../optimizer/TrialResult';
import type { SearchSpace } from '../space/SearchSpace';
import { EMPTY_SPACE } from '../space/emptySpace';
import { Study } from '../study/Study';
import type { TrialRecord } from '../study/TrialRecord';
import { JOURNAL_SCHEMA, type JournalEntry, type JournalOp, type JournalResult, type StudySpec } from './JournalEntry';
import type { StorageDecision, StudyStorage } from './StudyStorage';

/** What a process needs to take part in a study: its spaces and a fresh optimizer, built from the spec. */
export interface StudyParts {
  readonly space: SearchSpace;
  readonly fidelitySpace?: SearchSpace;
  readonly optimizer: Optimizer;
}

export interface StoredStudyOptions {
  readonly storage: StudyStorage;
  readonly name: string;
  /**
   * Builds this process's spaces and optimizer from the study's spec and its compiled constraints (for
   * the optimizer's context: see optimizerContextFor); called again to rebuild.
   */
  readonly parts: (spec: StudySpec, constraints: readonly Constraint[]) => StudyParts;
  /** This process's name in the journal (default: a random one); its trials expire when it goes silent. */
  readonly worker?: string;
  /** Milliseconds since the epoch; tests move it by hand. */
  readonly now?: () => number;
}

export interface CreateStudyOptions extends Omit<StoredStudyOptions, 'parts'> {
  /**
   * How this process builds its optimizer; default: the `registry`'s optimizer of the spec's id and
   * options, over `space` and `fidelitySpace` (what every app that has the space at hand wants).
   */
  readonly parts?: (spec: StudySpec, constraints: readonly Constraint[]) => StudyParts;
  /** The plugins the default `parts` creates the optimizer from. */
  readonly registry?: PluginRegistry;
  readonly space: SearchSpace;
  readonly fidelitySpace?: SearchSpace;
  /** Objectives in order; a bare name is minimised. */
  readonly objectives: readonly (Objective | string)[];
  readonly optimizer: { readonly id: string; readonly options?: JsonValue };
  readonly seed: number;
  readonly source?: JsonValue;
  /** Default 60. */
  readonly graceSeconds?: number;
  /**
   * Constraints on the told values, as expressions over the objectives and `metrics` (checked here,
   * kept in the spec): the optimizer is told each trial's constraint values and `best()` considers
   * only trials that satisfy them all. Default: none.
   */
  readonly constraints?: readonly string[];
  /** Names of the metrics that trials report and the constraints may read. */
  readonly metrics?: readonly string[];
}

/** How a tell was recorded: as a result the optimizer learnt from, or late (the trial had expired). */
export type TellOutcome = 'recorded' | 'late';

/**
 * A study kept in a `StudyStorage` and shared by any number of processes. Each process holds its own
 * optimizer and keeps it in step by replaying the journal in order before every operation, inside the
 * storage's lock: optimizers are deterministic, so every process that replays the same journal holds
 * the same state, and a trial is handed out once and recorded once.
 *
 * Pending trials are visible to the optimizer exactly as in one process: it proposed them, so it knows
 * they are running (model-based optimizers treat them as Optuna's constant liar does, or ignore them,
 * as each plugin documents). A worker that stops sending heartbeats for `graceSeconds` loses its
 * pending trials: any other process marks them expired and tells the optimizer they failed; a result
 * that arrives later is recorded as late and changes nothing else.
 */
export class StoredStudy {
  readonly name: string;
  readonly worker: string;
  readonly storage: StudyStorage;
  private readonly options: StoredStudyOptions;
  private readonly now: () => number;
  private spec!: StudySpec;
  private study!: Study;
  private seq = -1;
  private stale = true;
  private readonly owner = new Map<number, string>();
  private readonly lastSeen = new Map<string, number>();
  private readonly expired = new Set<number>();
  private readonly lateRecords: TrialRecord[] = [];

  private constructor(options: StoredStudyOptions) {
    this.options = options;
    this.name = options.name;
    this.storage = options.storage;
    this.worker = options.worker ?? `worker-${Math.random().toString(36).slice(2, 10)}`;
    this.now = options.now ?? Date.now;
  }

  /**
   * Opens the study `name`, creating it when the storage does not hold it. Creating an existing study
   * with the same spec opens it (so every worker can run the same command); with another space,
   * objectives, optimizer or seed it is a CoreError of kind 'study-exists'.
   */
  static async create(options: CreateStudyOptions): Promise<StoredStudy> {
    const spec = specOf(options);
    // A bad expression fails before anything is written.
    await compileConstraints(spec);
    const stored = new StoredStudy({ ...options, parts: partsOf(options) });
    await options.storage.transact(options.name, -1, (entries): StorageDecision<void> => {
      const first = entries[0];
      if (first === undefined) return { append: [{ op: 'create', spec }], result: undefined };
      if (first.op !== 'create')
        throw new CoreError('journal-corrupt', `study "${options.name}": journal does not start with its creation`, { parameter: 'storage' });
      const difference = specDifference(first.spec, spec);
      if (difference !== undefined) {
        throw new CoreError(
          'study-exists',
          `study "${options.name}" already exists in ${options.storage.location} with another ${difference}; choose another name`,
          { parameter: 'name' },
        );
      }
      return { append: [], result: undefined };
    });
    await stored.sync();
    return stored;
  }

  /**
   * Opens an existing study; an unknown name is a CoreError of kind 'unknown-study'. Given the options
   * of `create`, it opens without creating (the spec is then the journal's, not the options').
   */
  static async open(options: StoredStudyOptions | CreateStudyOptions): Promise<StoredStudy> {
    const stored = new StoredStudy('space' in options ? { ...options, parts: partsOf(options) } : options);
    await stored.sync();
    return stored;
  }

  /** The study's spec, as created. */
  get definition(): StudySpec {
    return this.spec;
  }

  get objectives(): readonly Objective[] {
    return this.study.objectives;
  }

  /** Trials handed out and not yet told or expired, in id order, with the worker that holds each. */
  get pending(): readonly (Trial & { readonly worker: string })[] {
    return this.study.pending.map((trial) => ({ ...trial, worker: this.owner.get(trial.id) ?? '' }));
  }

  /** Finished trials in the order they were recorded (expired ones as 'failed'). */
  get records(): readonly TrialRecord[] {
    return this.study.records;
  }

  /** Results that arrived after their trial had expired: kept, never told to the optimizer. */
  get late(): readonly TrialRecord[] {
    return this.lateRecords;
  }

  /** Ids of trials that expired. */
  get expiredTrials(): ReadonlySet<number> {
    return this.expired;
  }

  /** The best 'ok' record of a single-objective study among those that satisfy every constraint. */
  best(): TrialRecord | undefined {
    return this.study.best();
  }

  /** The study's constraints, compiled from the spec (empty when it has none). */
  get constraints(): readonly Constraint[] {
    return this.study.constraints;
  }

  /** A record's constraint values (see Study.constraintValues): at most 0 when satisfied. */
  constraintValues(record: Pick<TrialRecord, 'objectives' | 'metrics'>): number[] {
    return this.study.constraintValues(record);
  }

  /** Catches up with the journal (other processes' asks and tells). */
  async sync(): Promise<void> {
    if (this.stale) await this.rebuild();
    this.applyNew(await this.storage.read(this.name, this.seq));
  }

  /** Up to `n` new trials for this worker. */
  ask(n = 1): Promise<Trial[]> {
    return this.transact((): StorageDecision<Trial[]> => {
      const trials = this.study.ask(n);
      const op: JournalOp = { op: 'ask', worker: this.worker, at: this.now(), n, trials };
      this.noteAsk(op);
      return { append: [op], result: trials };
    });
  }

  /**
   * Records a result once. A second tell of the same trial, or a tell of a trial never handed out, is
   * a CoreError of kind 'invalid-result' and changes nothing; a tell of an expired trial is kept as
   * late ('late').
   */
  tell(result: TrialResult): Promise<TellOutcome> {
    return this.transact((): StorageDecision<TellOutcome> => {
      keepable(result);
      const id = (result as { trialId?: unknown } | null)?.trialId;
      if (typeof id === 'number' && this.expired.has(id) && !this.lateRecords.some((r) => r.trial.id === id)) {
        const record = this.lateRecord(result);
        const op: JournalOp = { op: 'tell', worker: this.worker, at: this.now(), result: journalResult(record), late: true };
        this.lateRecords.push(record);
        return { append: [op], result: 'late' };
      }
      if (typeof id === 'number' && this.lateRecords.some((r) => r.trial.id === id)) {
        throw new CoreError('invalid-result', `trialId ${id} was already told (late, after it expired)`, { parameter: 'trialId' });
      }
      this.study.tell(result);
      const record = this.study.record(id as number) as TrialRecord;
      const op: JournalOp = { op: 'tell', worker: this.worker, at: this.now(), result: journalResult(record) };
      this.lastSeen.set(this.worker, op.at);
      return { append: [op], result: 'recorded' };
    });
  }

  /** Tells the others that this worker is alive, so that its pending trials do not expire. */
  heartbeat(): Promise<void> {
    return this.transact((): StorageDecision<void> => {
      const at = this.now();
      this.lastSeen.set(this.worker, at);
      return { append: [{ op: 'heartbeat', worker: this.worker, at }], result: undefined };
    });
  }

  /** Sends a heartbeat every `intervalMs` until the returned function is called; never keeps Node alive. */
  keepAlive(intervalMs = 10_000): () => void {
    const timer = setInterval(() => void this.heartbeat().catch(() => undefined), intervalMs);
    (timer as { unref?: () => void }).unref?.();
    return () => clearInterval(timer);
  }

  private async transact<T>(decide: () => StorageDecision<T>): Promise<T> {
    if (this.stale) await this.rebuild();
    let expiry: JournalOp | undefined;
    try {
      return await this.storage.transact(this.name, this.seq, (entries) => {
        this.applyNew(entries);
        expiry = this.expire();
        const decision = decide();
        const append = expiry === undefined ? decision.append : [expiry, ...decision.append];
        this.seq += append.length;
        return { append, result: decision.result };
      });
    } catch (error) {
      // A rejected tell changed nothing, unless an expiry was applied here and then not appended. In
      // every other case the local optimizer may have moved past the journal: start again from it.
      if (expiry !== undefined || !CoreError.is(error) || error.kind !== 'invalid-result') this.stale = true;
      throw error;
    }
  }

  /** Appends an expiry for every silent worker's pending trials, applied here at once. */
  private expire(): JournalOp | undefined {
    const now = this.now();
    const limit = this.spec.graceSeconds * 1000;
    const trials = this.study.pending
      .filter((trial) => {
        const worker = this.owner.get(trial.id) as string;
        return worker !== this.worker && now - (this.lastSeen.get(worker) ?? 0) > limit;
      })
      .map((trial) => trial.id);
    if (trials.length === 0) return undefined;
    const op: JournalOp = { op: 'expire', worker: this.worker, at: now, trials };
    this.applyExpire(trials);
    return op;
  }

  private async rebuild(): Promise<void> {
    const entries = await this.storage.read(this.name, -1);
    const first = entries[0];
    if (first === undefined) {
      throw new CoreError('unknown-study', `no study "${this.name}" in ${this.storage.location}`, { parameter: 'name' });
    }
    if (first.op !== 'create')
      throw new CoreError('journal-corrupt', `study "${this.name}": journal does not start with its creation`, { parameter: 'storage' });
    this.spec = first.spec;
    const constraints = await compileConstraints(first.spec);
    const parts = this.options.parts(first.spec, constraints);
    this.study = new Study({
      space: parts.space,
      fidelitySpace: parts.fidelitySpace ?? EMPTY_SPACE,
      objectives: first.spec.objectives,
      optimizer: parts.optimizer,
      constraints,
    });
    this.seq = 0;
    this.owner.clear();
    this.lastSeen.clear();
    this.expired.clear();
    this.lateRecords.length = 0;
    this.stale = false;
    try {
      this.applyAll(entries.slice(1));
    } catch (error) {
      this.stale = true;
      throw error;
    }
  }

  /**
   * Applies what this process has not applied yet. Operations of one process may overlap (a keepAlive
   * heartbeat during an ask): each asked for the entries after the position it started from, and
   * those that another of them appended in the meantime are already applied here.
   */
  private applyNew(entries: readonly JournalEntry[]): void {
    this.applyAll(entries.filter((entry) => entry.seq > this.seq));
  }

  private applyAll(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      if (entry.seq !== this.seq + 1) {
        throw new CoreError('journal-corrupt', `study "${this.name}": entry ${entry.seq} follows entry ${this.seq}`, { parameter: 'storage' });
      }
      this.apply(entry);
      this.seq = entry.seq;
    }
  }

  private apply(entry: JournalEntry): void {
    switch (entry.op) {
      case 'create':
        throw new CoreError('journal-corrupt', `study "${this.name}": entry ${entry.seq} creates the study again`, { parameter: 'storage' });
      case 'ask': {
        const trials = this.study.ask(entry.n);
        if (JSON.stringify(trials) !== JSON.stringify(entry.trials)) {
          this.stale = true;
          throw new CoreError(
            'journal-mismatch',
            `study "${this.name}": replaying entry ${entry.seq}, optimizer "${this.spec.optimizer.id}" proposed ${describeValue(trials, 160)} where the journal holds ${describeValue(entry.trials, 160)}; was it written by another version of the optimizer?`,
            { parameter: 'storage' },
          );
        }
        this.noteAsk(entry);
        return;
      }
      case 'tell':
        if (entry.late === true) {
          this.lateRecords.push(this.lateRecord(entry.result));
        } else {
          this.study.tell(entry.result);
        }
        this.lastSeen.set(entry.worker, entry.at);
        return;
      case 'heartbeat':
        this.lastSeen.set(entry.worker, entry.at);
        return;
      case 'expire':
        this.applyExpire(entry.trials);
        return;
    }
  }

  private noteAsk(op: Extract<JournalOp, { op: 'ask' }>): void {
    for (const trial of op.trials) this.owner.set(trial.id, op.worker);
    this.lastSeen.set(op.worker, op.at);
  }

  private applyExpire(trials: readonly number[]): void {
    this.study.tell(trials.map((trialId) => ({ trialId, status: 'failed' as const })));
    for (const id of trials) this.expired.add(id);
  }

  /** A late result, checked as a tell would be (against the trial it belongs to). */
  private lateRecord(result: TrialResult): TrialRecord {
    const expiredRecord = this.study.record(result.trialId);
    if (expiredRecord === undefined) throw new CoreError('invalid-result', `trialId ${String(result.trialId)} did not expire`, { parameter: 'trialId' });
    const check = new Study({
      space: this.study.space,
      fidelitySpace: this.study.fidelitySpace,
      objectives: this.study.objectives,
      optimizer: replayOnly(expiredRecord.trial),
    });
    check.ask(1);
    check.tell(result);
    return check.records[0] as TrialRecord;
  }
}

function partsOf(options: CreateStudyOptions): (spec: StudySpec, constraints: readonly Constraint[]) => StudyParts {
  if (options.parts !== undefined) return options.parts;
  const { registry, space, fidelitySpace = EMPTY_SPACE } = options;
  if (registry === undefined) {
    throw new CoreError('invalid-argument', 'StoredStudy.create needs `registry` (or `parts`) to build its optimizer', { parameter: 'registry' });
  }
  return (spec, constraints) => ({
    space,
    fidelitySpace,
    optimizer: registry.createOptimizer(
      spec.optimizer.id,
      spec.optimizer.options,
      optimizerContextFor({ space, fidelitySpace, objectives: spec.objectives }, spec.seed, constraints),
    ),
  });
}

/**
 * The spec's constraints, compiled against its objectives and metrics; none without loading mathjs
 * when it has none (every study created before constraints existed).
 */
async function compileConstraints(spec: StudySpec): Promise<readonly Constraint[]> {
  const expressions = spec.constraints ?? [];
  if (expressions.length === 0) return [];
  const compiler = await loadExpressionCompiler();
  const known = [...spec.objectives.map((o) => o.name), ...(spec.metrics ?? [])];
  return expressions.map((text) => compiler.constraint(text, known));
}

function specOf(options: CreateStudyOptions): StudySpec {
  const objectives = options.objectives.map((o): Objective =>
    typeof o === 'string' ? { name: o, direction: 'minimize', cheap: false } : { name: o.name, direction: o.direction, cheap: o.cheap },
  );
  const graceSeconds = options.graceSeconds ?? 60;
  if (!(graceSeconds > 0) || !Number.isFinite(graceSeconds)) {
    throw new CoreError('invalid-argument', `graceSeconds must be a positive number of seconds, got ${describeValue(graceSeconds)}`, {
      parameter: 'graceSeconds',
      allowed: 'numbers > 0',
    });
  }
  return JSON.parse(
    JSON.stringify({
      schema: JOURNAL_SCHEMA,
      objectives,
      optimizer: { id: options.optimizer.id, options: options.optimizer.options ?? {} },
      seed: options.seed,
      parameters: options.space.parameters,
      fidelityParameters: (options.fidelitySpace ?? EMPTY_SPACE).parameters,
      ...(options.source !== undefined ? { source: options.source } : {}),
      graceSeconds,
      ...(options.constraints !== undefined && options.constraints.length > 0 ? { constraints: options.constraints } : {}),
      ...(options.metrics !== undefined && options.metrics.length > 0 ? { metrics: options.metrics } : {}),
    }),
  ) as StudySpec;
}

/** What differs between two specs, in words, or undefined when they describe the same study. */
function specDifference(a: StudySpec, b: StudySpec): string | undefined {
  const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
  if (!same(a.parameters, b.parameters) || !same(a.fidelityParameters, b.fidelityParameters)) return 'search space';
  if (!same(a.objectives, b.objectives)) return 'list of objectives';
  if (!same(a.optimizer, b.optimizer)) return `optimizer (${a.optimizer.id} ${JSON.stringify(a.optimizer.options)})`;
  if (a.seed !== b.seed) return `seed (${a.seed})`;
  if (!same(a.constraints ?? [], b.constraints ?? []) || !same(a.metrics ?? [], b.metrics ?? []))
    return `list of constraints (${(a.constraints ?? []).join('; ') || 'none'})`;
  return undefined;
}

/**
 * A journal is JSON, which has no NaN or Infinity: a metric that is not finite would be kept as null,
 * and the study could no longer be replayed. Such a result is refused before anything is written.
 */
function keepable(result: TrialResult): void {
  const metrics = (result as { metrics?: unknown } | null)?.metrics;
  const trial = String((result as { trialId?: unknown } | null)?.trialId);
  if (typeof metrics === 'object' && metrics !== null) {
    for (const [key, value] of Object.entries(metrics)) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new CoreError(
          'invalid-result',
          `trial ${trial}: metric "${key}" is ${value}; a stored study keeps finite numbers only (report a failed or diverged trial instead)`,
          { parameter: `metrics.${key}`, allowed: 'finite numbers' },
        );
      }
    }
  }
}

function journalResult(record: TrialRecord): JournalResult {
  return { trialId: record.trial.id, status: record.status, objectives: record.objectives, metrics: record.metrics, cost: record.cost };
}

/** An optimizer that proposes one given trial: lets a late result be checked by the Study's own rules. */
function replayOnly(trial: Trial): Optimizer {
  return {
    capabilities: { objectives: 'any', multiFidelity: true, asynchronous: true },
    ask: () => [{ ...trial, continues: undefined } as Trial],
    tell: () => undefined,
    state: () => null,
    restore: () => undefined,
  };
}
