import { totalViolation, type Configuration, type Observation, type SearchSpace } from '@jahskit/core';
import { z } from 'zod';
import { configKey } from '../configKey';
import { configurationSchema } from '../configurationSchema';
import { rejectedTrial, type RejectedTrial } from '../rejectedTrial';

export interface Evaluated {
  readonly id: number;
  readonly config: Configuration;
  readonly value: number;
  /** The trial's constraint values, when the study has constraints. */
  readonly constraints?: readonly number[];
}

export interface Pending {
  readonly id: number;
  readonly config: Configuration;
}

/** JSON form of {@link ObservationHistory}. */
export interface ObservationHistoryState {
  readonly ok: Evaluated[];
  readonly pending: Pending[];
  readonly failed: Configuration[];
  /** Absent without constraints (and in states saved before constraints). */
  readonly rejected?: RejectedTrial[];
}

/** {@link ObservationHistoryState} in a saved state, its configurations checked against `space`. */
export function observationHistorySchema(space: SearchSpace): z.ZodType<ObservationHistoryState> {
  const config = configurationSchema(space);
  const id = z.number().int().min(0);
  const constraints = z.array(z.number());
  return z.object({
    ok: z.array(z.object({ id, config, value: z.number(), constraints: constraints.optional() })),
    pending: z.array(z.object({ id, config })),
    failed: z.array(config),
    rejected: z.array(z.object({ id, config, constraints })).optional(),
  });
}

/**
 * What a single-objective surrogate optimizer remembers: successful results (value = the first,
 * minimised objective), trials still running, and configurations whose trial failed or diverged.
 * Failures do not enter the model (there is no value to fit; imputing "worst" distorts a GP's
 * standardisation) but their configurations are never proposed again.
 *
 * With constraints, results keep their constraint values, rankings (`best`) follow Deb's rules as
 * `standingOf` does (feasible by value, then infeasible by total violation), and failed trials known
 * to break a constraint are also kept apart (`rejected`) for models of the constraints.
 */
export class ObservationHistory {
  /** In the order told. */
  ok: Evaluated[] = [];
  /** By increasing id. */
  pending: Pending[] = [];
  failed: Configuration[] = [];
  /** Failed trials known to break a constraint, in the order told. */
  rejected: RejectedTrial[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly space: SearchSpace) {}

  key(config: Configuration): string {
    return configKey(this.space, config);
  }

  /** What a model can learn from: the results, and the failed trials known to break a constraint. */
  get informative(): number {
    return this.ok.length + this.rejected.length;
  }

  /** Evaluated, failed or pending. */
  has(config: Configuration): boolean {
    return this.seen.has(this.key(config));
  }

  /** Whether the configuration with this `configKey` is evaluated, failed or pending. */
  hasKey(key: string): boolean {
    return this.seen.has(key);
  }

  addPending(id: number, config: Configuration): void {
    this.pending.push({ id, config });
    this.seen.add(this.key(config));
  }

  tell(observations: readonly Observation[]): void {
    for (const observation of observations) {
      const id = observation.trial.id;
      const at = this.pending.findIndex((p) => p.id === id);
      if (at >= 0) this.pending.splice(at, 1);
      const config = observation.trial.config;
      this.seen.add(this.key(config));
      const value = observation.values[0];
      const constraints = observation.constraints;
      if (observation.status === 'ok' && value !== undefined && Number.isFinite(value))
        this.ok.push(constraints.length > 0 ? { id, config, value, constraints } : { id, config, value });
      else {
        this.failed.push(config);
        const rejected = rejectedTrial(observation);
        if (rejected !== undefined) this.rejected.push(rejected);
      }
    }
  }

  /** The `count` best results (feasible by value, then infeasible by violation; ties: smaller id first). */
  best(count: number): Evaluated[] {
    return [...this.ok].sort((a, b) => compareEvaluated(a, b) || a.id - b.id).slice(0, count);
  }

  /** The lowest value among the results that satisfy every constraint (all of them without constraints); Infinity if none. */
  bestFeasibleValue(): number {
    let best = Infinity;
    for (const e of this.ok) if (violationOf(e) === 0) best = Math.min(best, e.value);
    return best;
  }

  /** At most `cap` results for model fitting, chosen from the first `prefix` told (default all): see {@link trainingSubset}. */
  trainingSet(cap: number, prefix = this.ok.length): Evaluated[] {
    return trainingSubset(prefix === this.ok.length ? this.ok : this.ok.slice(0, prefix), cap);
  }

  state(): ObservationHistoryState {
    const rejected = this.rejected.length > 0 ? { rejected: this.rejected } : {};
    return JSON.parse(JSON.stringify({ ok: this.ok, pending: this.pending, failed: this.failed, ...rejected })) as ObservationHistoryState;
  }

  restore(state: ObservationHistoryState): void {
    this.ok = state.ok.map((e) => ({
      id: e.id,
      config: { ...e.config },
      value: e.value,
      ...(e.constraints !== undefined ? { constraints: [...e.constraints] } : {}),
    }));
    this.rejected = (state.rejected ?? []).map((r) => ({ id: r.id, config: { ...r.config }, constraints: [...r.constraints] }));
    this.pending = state.pending.map((p) => ({ id: p.id, config: { ...p.config } }));
    this.failed = state.failed.map((c) => ({ ...c }));
    this.seen.clear();
    for (const c of [...this.ok.map((e) => e.config), ...this.pending.map((p) => p.config), ...this.failed]) this.seen.add(this.key(c));
  }
}

/**
 * At most `cap` of `entries`, in their order: all of them when they fit; otherwise the best half of
 * the cap plus the most recent others. The best points matter for the acquisition near the
 * incumbent, the recent ones track where the search is now.
 */
export function trainingSubset(entries: readonly Evaluated[], cap: number): Evaluated[] {
  if (entries.length <= cap) return [...entries];
  const bestIds = new Set(
    [...entries]
      .sort((a, b) => a.value - b.value || a.id - b.id)
      .slice(0, Math.floor(cap / 2))
      .map((e) => e.id),
  );
  const chosen = new Set(bestIds);
  for (let i = entries.length - 1; i >= 0 && chosen.size < cap; i--) chosen.add(entries[i]!.id);
  return entries.filter((e) => chosen.has(e.id));
}

/** How far a result is from feasible (0 without constraints). */
export function violationOf(e: Evaluated): number {
  return e.constraints === undefined ? 0 : totalViolation(e.constraints);
}

/** Deb's rules on results, as `standingOf` orders observations: feasible by value, then infeasible by total violation. */
function compareEvaluated(a: Evaluated, b: Evaluated): number {
  const va = violationOf(a);
  const vb = violationOf(b);
  if (va > 0 || vb > 0) return va > 0 && vb > 0 ? va - vb : va > 0 ? 1 : -1;
  return a.value - b.value;
}
