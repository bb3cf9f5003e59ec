import type { Configuration, JsonValue, Observation, Optimizer, Trial } from '@jahskit/core';
import { readState } from '../readState';
import type { ConfigSampler } from '../multifidelity/ConfigSampler';
import type { FidelityLadder } from '../multifidelity/FidelityLadder';
import { SynchronousBrackets, type BracketSchedule, type FillRequest, type RungFiller } from '../multifidelity/SynchronousBrackets';
import { paretoKeep } from './paretoOrder';

/** Objective vectors (minimised) of finished trials, by trial id: shared by sampler and promotion. */
export type ValueBook = Map<number, readonly number[]>;

/**
 * Successive-halving brackets (the shared `SynchronousBrackets` scheduler) made multi-objective:
 * the scheduler itself ranks by the first objective only, so promotion is overridden by a rung
 * filler that keeps the `size` entries of the finished rung chosen by non-dominated sorting plus
 * greedy hypervolume subset selection, and the objective vectors of every result are kept in a
 * `ValueBook` that the configuration sampler reads.
 */
export class MoBracketOptimizer implements Optimizer {
  readonly capabilities = { objectives: 'multi', multiFidelity: true, asynchronous: true } as const;
  private readonly scheduler: SynchronousBrackets;
  private readonly book: ValueBook;
  private readonly cache = new Map<string, number[]>();

  constructor(
    private readonly kind: string,
    private readonly d: number,
    ladder: FidelityLadder,
    schedule: BracketSchedule,
    book: ValueBook,
    sampler: ConfigSampler,
  ) {
    this.book = book;
    const filler: RungFiller = (request) => this.promote(request);
    this.scheduler = new SynchronousBrackets(ladder, schedule, sampler, filler);
  }

  private promote(request: FillRequest): { config: Configuration; continues: number } | undefined {
    if (request.ranked.length === 0) return undefined;
    const key = `${request.bracket}:${request.rung}`;
    let kept = this.cache.get(key);
    if (kept === undefined) {
      const points = new Float64Array(request.ranked.length * this.d);
      request.ranked.forEach((e, i) => points.set(this.book.get(e.id) as readonly number[], i * this.d));
      // Keep the promoted entries in the scheduler's (id-stable) order so slots are deterministic.
      kept = paretoKeep(points, this.d, request.size);
      this.cache.set(key, kept);
    }
    const entry = request.ranked[kept[request.slot] as number];
    if (entry === undefined) return undefined;
    return { config: entry.config, continues: entry.id };
  }

  ask(n: number): Trial[] {
    return this.scheduler.ask(n);
  }

  tell(observations: readonly Observation[]): void {
    for (const o of observations) if (o.status === 'ok') this.book.set(o.trial.id, [...o.values]);
    this.scheduler.tell(observations);
  }

  state(): JsonValue {
    return { kind: this.kind, scheduler: this.scheduler.state(), values: [...this.book].map(([id, v]) => [id, [...v]]) } as JsonValue;
  }

  restore(state: JsonValue): void {
    const saved = readState<{ scheduler: JsonValue; values: [number, number[]][] }>(state, this.kind);
    this.book.clear();
    this.cache.clear();
    for (const [id, v] of saved.values) this.book.set(id, v);
    this.scheduler.restore(saved.scheduler);
  }
}
