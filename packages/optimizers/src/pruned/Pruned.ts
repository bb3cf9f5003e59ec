import {
  CoreError,
  totalViolation,
  type Configuration,
  type JsonValue,
  type Observation,
  type Optimizer,
  type OptimizerCapabilities,
  type OptimizerContext,
  type OptimizerDescriptor,
  type Trial,
} from '@jahskit/core';
import { z } from 'zod';
import { OptimizerError } from '../errors/OptimizerError';
import { configurationSchema } from '../internal/configurationSchema';
import { innerOptions } from '../internal/innerOptions';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { readState } from '../internal/readState';
import { stateError } from '../internal/stateError';
import { writeState } from '../internal/writeState';
import { checkpointBudgets } from './checkpointBudgets';
import { curveFidelity } from './curveFidelity';
import { HalvingRule } from './HalvingRule';
import { LceRule } from './LceRule';
import { MedianRule } from './MedianRule';
import type { Curve, PruningRule } from './PruningRule';

export type PruningRuleName = 'median' | 'sha' | 'lce';

export interface PrunedOptions {
  /** Options of the base optimizer, validated by its schema. */
  readonly baseOptions: Record<string, unknown>;
  readonly fidelity: string | readonly string[] | null;
  /** Checkpoints grow by this factor; for 'sha' it is also the reduction factor. */
  readonly eta: number;
  readonly minBudget: number | null;
  readonly maxBudget: number | null;
  /** What the base optimizer is told of a pruned trial. */
  readonly prunedAs: 'last-value' | 'failed';
  /** 'median' only. */
  readonly startupTrials?: number;
  readonly warmupBudget?: number;
  readonly minTrials?: number;
  /** 'lce' only (with `startupTrials`). */
  readonly threshold?: number;
  readonly minPoints?: number;
}

/** One base trial, trained rung by rung. */
interface Lineage {
  /** The base optimizer's trial, as it asked it. */
  readonly trial: Trial;
  readonly values: number[];
  /** The total violation of the study's constraints at each rung reached (rules rank by standing). */
  readonly violations: number[];
  status: Curve['status'];
  /** Seconds charged to its steps so far. */
  seconds: number;
  /** The id of its last finished step, which the next one continues. */
  last: number | null;
}

const STATUSES = ['running', 'pruned', 'complete', 'failed'] as const;

const prunedState = (context: OptimizerContext) => {
  const id = z.number().int().min(0);
  const trial = z.object({
    id,
    config: configurationSchema(context.space),
    fidelity: configurationSchema(context.fidelitySpace),
    continues: id.optional(),
    tags: z.record(z.string(), z.json()).optional(),
  });
  return z.object({
    next: id,
    /** [step id, base trial id] of the steps running now. */
    pending: z.array(z.tuple([id, id])),
    /** Base trial ids whose next step is due, in order. */
    ready: z.array(id),
    /** `violations`: absent when every rung satisfied the constraints (and in states saved before them). */
    lineages: z.array(
      z.object({
        trial,
        values: z.array(z.number()),
        violations: z.array(z.number().min(0)).optional(),
        status: z.enum(STATUSES),
        seconds: z.number().min(0),
        last: id.nullable(),
      }),
    ),
    base: z.json(),
  });
};

/**
 * Early stopping around a single-fidelity optimizer, as Optuna's pruners do for its samplers: each
 * configuration the base optimizer proposes is trained checkpoint by checkpoint up a geometric
 * fidelity ladder, each step continuing the last (so under continuation only the increment is paid),
 * and a rule (median, successive halving) stops it at a checkpoint where it looks bad. The base
 * optimizer then hears of its trial once: the value at the top for a completed trial; for a pruned
 * one, the last value it reported (`prunedAs: 'last-value'`, a value at lower fidelity, usually
 * worse; Optuna's TPE puts pruned trials after every completed one, by step reached then last value,
 * which this only approximates, as the base compares it with completed values as if it were one) or a
 * failure (`'failed'`: it learns nothing from it but does not ask for it again). The cost it is told is what all the steps
 * cost. When nothing is pruned, the base sees exactly the top-fidelity results of a plain run, in
 * the same order, and proposes the same configurations.
 *
 * Steps due (a trial that passed a checkpoint) go before new configurations, so a trial is trained
 * to the end before the next starts when there is one worker.
 */
export class Pruned implements Optimizer {
  /** What a pruned `base` can do: declared once, for the class and its descriptors. */
  static capabilitiesOf(base: OptimizerDescriptor): OptimizerCapabilities {
    return { objectives: 'single', multiFidelity: true, asynchronous: base.capabilities.asynchronous };
  }

  readonly capabilities: OptimizerCapabilities;
  private readonly base: Optimizer;
  private readonly ladder: FidelityLadder;
  private readonly rule: PruningRule;
  /** What each checkpoint trains (the ladder's budgets rounded to legal values): warm-up is judged on these. */
  private readonly budgets: readonly number[];
  private readonly stateSchema: ReturnType<typeof prunedState>;
  private next = 0;
  /** Step id -> base trial id. */
  private pending = new Map<number, number>();
  private ready: number[] = [];
  /** By base trial id, in the order asked. */
  private lineages = new Map<number, Lineage>();

  constructor(
    private readonly baseDescriptor: OptimizerDescriptor,
    private readonly ruleName: PruningRuleName,
    private readonly options: PrunedOptions,
    private readonly context: OptimizerContext,
  ) {
    this.capabilities = Pruned.capabilitiesOf(baseDescriptor);
    // A learning curve needs a long ladder: without a named fidelity, lce takes the one with most checkpoints.
    const fidelity = options.fidelity ?? (ruleName === 'lce' ? curveFidelity(context.fidelitySpace, options) : null);
    this.ladder = FidelityLadder.resolve(context.fidelitySpace, {
      fidelity: fidelity ?? undefined,
      eta: options.eta,
      minBudget: options.minBudget ?? undefined,
      maxBudget: options.maxBudget ?? undefined,
    });
    this.budgets = checkpointBudgets(this.ladder, context.fidelitySpace, fidelity);
    this.rule =
      ruleName === 'median'
        ? new MedianRule({ startupTrials: options.startupTrials ?? 5, warmupBudget: options.warmupBudget ?? 0, minTrials: options.minTrials ?? 1 })
        : ruleName === 'lce'
          ? LceRule.forLadder(this.ladder, context.fidelitySpace, fidelity, {
              threshold: options.threshold ?? 0.05,
              minPoints: options.minPoints ?? 3,
              startupTrials: options.startupTrials ?? 3,
            })
          : new HalvingRule(options.eta);
    this.stateSchema = prunedState(context);
    // The same context and seed as a plain run: with nothing pruned, the base proposes what it would alone.
    this.base = baseDescriptor.create(innerOptions(baseDescriptor, options.baseOptions, 'baseOptions'), context);
  }

  private get top(): number {
    return this.ladder.sMax;
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    while (trials.length < n && this.ready.length > 0) trials.push(this.step(this.ready.shift() as number));
    if (trials.length < n) {
      for (const trial of this.base.ask(n - trials.length)) {
        this.lineages.set(trial.id, { trial, values: [], violations: [], status: 'running', seconds: 0, last: null });
        trials.push(this.step(trial.id));
      }
    }
    return trials;
  }

  /** The next step of base trial `baseId`: its next rung, continuing its last step. */
  private step(baseId: number): Trial {
    const lineage = this.lineages.get(baseId) as Lineage;
    const rung = lineage.values.length;
    const id = this.next++;
    this.pending.set(id, baseId);
    return {
      id,
      config: lineage.trial.config,
      fidelity: this.ladder.fidelities[rung] as Configuration,
      ...(lineage.last !== null ? { continues: lineage.last } : {}),
      tags: { ...(lineage.trial.tags ?? {}), rung, baseTrial: baseId },
    };
  }

  tell(observations: readonly Observation[]): void {
    const toBase: Observation[] = [];
    for (const o of observations) {
      const baseId = this.pending.get(o.trial.id);
      if (baseId === undefined) continue;
      this.pending.delete(o.trial.id);
      const lineage = this.lineages.get(baseId) as Lineage;
      lineage.seconds += o.cost;
      lineage.last = o.trial.id;
      const value = o.values[0];
      if (o.status !== 'ok' || value === undefined) {
        lineage.status = 'failed';
        toBase.push({
          trial: lineage.trial,
          status: o.status === 'ok' ? 'failed' : o.status,
          values: [],
          metrics: o.metrics,
          cost: lineage.seconds,
          constraints: o.constraints,
        });
        continue;
      }
      lineage.values.push(value);
      lineage.violations.push(totalViolation(o.constraints));
      const rung = lineage.values.length - 1;
      if (rung >= this.top) {
        lineage.status = 'complete';
        toBase.push({ trial: lineage.trial, status: 'ok', values: [value], metrics: o.metrics, cost: lineage.seconds, constraints: o.constraints });
      } else if (this.rule.stops(rung, this.budgets[rung] as number, lineage, this.lineages.values())) {
        lineage.status = 'pruned';
        toBase.push(
          this.options.prunedAs === 'failed'
            ? { trial: lineage.trial, status: 'failed', values: [], metrics: o.metrics, cost: lineage.seconds, constraints: o.constraints }
            : { trial: lineage.trial, status: 'ok', values: [value], metrics: o.metrics, cost: lineage.seconds, constraints: o.constraints },
        );
      } else {
        this.ready.push(baseId);
      }
    }
    if (toBase.length > 0) this.base.tell(toBase);
  }

  state(): JsonValue {
    return writeState(this.kind, {
      next: this.next,
      pending: [...this.pending],
      ready: this.ready,
      lineages: [...this.lineages.values()].map(({ violations, ...rest }) => (violations.some((v) => v > 0) ? { ...rest, violations } : rest)),
      base: this.base.state(),
    });
  }

  restore(state: JsonValue): void {
    const saved = readState(state, this.kind, this.stateSchema);
    const lineages = new Map<number, Lineage>();
    saved.lineages.forEach((l, i) => {
      const where = `state.lineages[${i}]`;
      if (lineages.has(l.trial.id)) throw stateError(this.kind, `${where}.trial.id`, `base trial ${l.trial.id} appears twice`);
      const reached = l.values.length;
      const fits = l.status === 'complete' ? reached === this.top + 1 : l.status === 'pruned' ? reached >= 1 && reached <= this.top : reached <= this.top;
      if (!fits) throw stateError(this.kind, `${where}.values`, `${reached} values do not fit a ${l.status} trial on a ladder of ${this.top + 1} rungs`);
      if (l.last !== null && l.last >= saved.next) throw stateError(this.kind, `${where}.last`, `step ${l.last} was never asked (next is ${saved.next})`);
      if (l.last === null && reached > 0) throw stateError(this.kind, `${where}.last`, 'is null, but the trial has finished steps');
      if (l.violations !== undefined && l.violations.length !== reached)
        throw stateError(this.kind, `${where}.violations`, `${l.violations.length} violations for ${reached} values`);
      lineages.set(l.trial.id, {
        trial: l.trial as Trial,
        values: [...l.values],
        violations: l.violations !== undefined ? [...l.violations] : l.values.map(() => 0),
        status: l.status,
        seconds: l.seconds,
        last: l.last,
      });
    });
    const waiting = new Set<number>();
    const claim = (baseId: number, where: string): void => {
      const lineage = lineages.get(baseId);
      if (lineage === undefined || lineage.status !== 'running') throw stateError(this.kind, where, `base trial ${baseId} is not a running trial`);
      if (waiting.has(baseId)) throw stateError(this.kind, where, `base trial ${baseId} is both running a step and due one`);
      waiting.add(baseId);
    };
    saved.pending.forEach(([stepId, baseId], i) => {
      if (stepId >= saved.next) throw stateError(this.kind, `state.pending[${i}][0]`, `step ${stepId} was never asked (next is ${saved.next})`);
      claim(baseId, `state.pending[${i}][1]`);
    });
    saved.ready.forEach((baseId, i) => {
      claim(baseId, `state.ready[${i}]`);
      if (lineages.get(baseId)!.values.length === 0) throw stateError(this.kind, `state.ready[${i}]`, `base trial ${baseId} has no finished step to continue`);
    });
    for (const [baseId, lineage] of lineages) {
      if (lineage.status === 'running' && !waiting.has(baseId))
        throw stateError(this.kind, 'state.lineages', `running base trial ${baseId} is neither running a step nor due one`);
    }
    try {
      this.base.restore(saved.base);
    } catch (error) {
      if (OptimizerError.is(error) || CoreError.is(error)) {
        const field = error.parameter ?? 'state';
        throw new OptimizerError('invalid-state', `state.base (the state of "${this.baseDescriptor.id}"): ${error.message}`, {
          parameter: `state.base${field.replace(/^state\b/, '')}`,
          cause: error,
        });
      }
      throw error;
    }
    this.next = saved.next;
    this.pending = new Map(saved.pending.map(([stepId, baseId]) => [stepId, baseId]));
    this.ready = [...saved.ready];
    this.lineages = lineages;
  }

  private get kind(): string {
    return `${this.baseDescriptor.id}+${this.ruleName}`;
  }
}
