import { totalViolation, type Configuration, type Observation, type OptimizerCapabilities, type OptimizerContext } from '@jahskit/core';
import { z } from 'zod';
import { OptimizerError } from '../../errors/OptimizerError';
import { FidelityLadder } from '../multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../multifidelity/ladderOptions';
import { ScheduledOptimizer } from '../multifidelity/ScheduledOptimizer';
import { SynchronousBrackets, type BracketSchedule, type FillRequest, type RungFiller } from '../multifidelity/SynchronousBrackets';
import { stateError } from '../stateError';
import { paretoKeep } from './paretoOrder';
import type { MoRungSampler, RungSamplerFrame } from './MoRungSampler';
import type { SampledRungs } from './sampledRungsSchema';

/** Objective vectors (minimised) of finished trials, by trial id: shared by sampler and promotion. */
export type ValueBook = Map<number, readonly number[]>;

/** Total violation of the finished trials that break a constraint, by trial id (absent: feasible). */
export type ViolationBook = Map<number, number>;

/** The violations of `ids` in order, or undefined when all are feasible (the unconstrained path). */
export function violationsOf(violations: ViolationBook, ids: readonly number[]): Float64Array | undefined {
  if (violations.size === 0 || !ids.some((id) => violations.has(id))) return undefined;
  return Float64Array.from(ids, (id) => violations.get(id) ?? 0);
}

const bracketState = (d: number) =>
  z.object({
    values: z.array(z.tuple([z.number().int().min(0), z.array(z.number()).length(d)])),
    // Absent in states saved before constraints, and when every result is feasible.
    violations: z.array(z.tuple([z.number().int().min(0), z.number().gt(0)])).optional(),
  });

/**
 * Successive-halving brackets (the shared `SynchronousBrackets` scheduler) made multi-objective:
 * the scheduler itself ranks by the first objective only, so promotion is overridden by a rung
 * filler that keeps the `size` entries of the finished rung chosen by non-dominated sorting plus
 * greedy hypervolume subset selection, and the objective vectors of every result are kept in a
 * `ValueBook` that the configuration sampler (a {@link SampledRungs} keeper) reads. With
 * constraints, promotion follows constrained domination (`paretoKeep`: feasible entries first, then
 * the least violating), and the violations are kept in a `ViolationBook` the sampler reads too.
 */
export class MoBracketOptimizer extends ScheduledOptimizer<ReturnType<typeof bracketState>> {
  static override readonly capabilities: OptimizerCapabilities = { objectives: 'multi', multiFidelity: true, asynchronous: true };
  private readonly book: ValueBook;
  private readonly violations: ViolationBook;
  private readonly cache = new Map<string, number[]>();

  private readonly d: number;

  /** Refuses a task with fewer than two objectives, then resolves the ladder from `options` and gives the sampler its books. */
  constructor(
    kind: string,
    context: OptimizerContext,
    options: LadderOptionValues,
    schedule: BracketSchedule,
    sampler: (frame: RungSamplerFrame) => MoRungSampler,
  ) {
    const d = context.objectives.length;
    if (d < 2) throw new OptimizerError('unsupported-task', `optimizer "${kind}" needs at least two objectives, got ${d}`, { parameter: 'objectives' });
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    const book: ValueBook = new Map();
    const violations: ViolationBook = new Map();
    const rungSampler = sampler({ space: context.space, seed: context.seed, d, book, violations });
    let promote: RungFiller = () => undefined;
    super(kind, new SynchronousBrackets(ladder, schedule, rungSampler, { filler: (request) => promote(request) }), bracketState(d));
    promote = (request) => this.promote(request);
    this.d = d;
    this.book = book;
    this.violations = violations;
  }

  private promote(request: FillRequest): { config: Configuration; continues: number } | undefined {
    if (request.ranked.length === 0) return undefined;
    const key = `${request.bracket}:${request.rung}`;
    let kept = this.cache.get(key);
    if (kept === undefined) {
      const points = new Float64Array(request.ranked.length * this.d);
      request.ranked.forEach((e, i) => points.set(this.book.get(e.id) as readonly number[], i * this.d));
      // Keep the promoted entries in the scheduler's (id-stable) order so slots are deterministic.
      kept = paretoKeep(points, this.d, request.size, {
        violations: violationsOf(
          this.violations,
          request.ranked.map((e) => e.id),
        ),
      });
      this.cache.set(key, kept);
    }
    const entry = request.ranked[kept[request.slot] as number];
    if (entry === undefined) return undefined;
    return { config: entry.config, continues: entry.id };
  }

  override tell(observations: readonly Observation[]): void {
    for (const o of observations) {
      if (o.status !== 'ok') continue;
      this.book.set(o.trial.id, [...o.values]);
      const violation = totalViolation(o.constraints);
      if (violation > 0) this.violations.set(o.trial.id, violation);
    }
    super.tell(observations);
  }

  protected override saveExtra(): z.input<ReturnType<typeof bracketState>> {
    return {
      values: [...this.book].map(([id, v]) => [id, [...v]] as [number, number[]]),
      ...(this.violations.size > 0 ? { violations: [...this.violations] } : {}),
    };
  }

  protected override restoreExtra(
    saved: z.output<ReturnType<typeof bracketState>> & { scheduler?: { sampler?: SampledRungs; current?: { rungs: [number, ...unknown[]][][] } | null } },
  ): void {
    const known = new Set(saved.values.map(([id]) => id));
    // The sampler's rungs and the promotions read the objective vectors of these trials.
    const members = saved.scheduler?.sampler?.rungs.flat() ?? [];
    if (members.some(([id]) => !known.has(id)))
      throw stateError(this.kind, 'state.scheduler.sampler.rungs', 'a member whose objective values are not in state.values');
    if (saved.violations?.some(([id]) => !known.has(id)) === true)
      throw stateError(this.kind, 'state.violations', 'a trial whose objective values are not in state.values');
    this.book.clear();
    this.violations.clear();
    for (const [id, v] of saved.violations ?? []) this.violations.set(id, v);
    this.cache.clear();
    for (const [id, v] of saved.values) this.book.set(id, v);
  }
}
