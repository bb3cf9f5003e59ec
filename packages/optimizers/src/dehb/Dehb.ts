import { Rng, totalViolation, type Configuration, type Observation, type OptimizerContext } from '@jahskit/core';
import { z } from 'zod';
import { mutateAndCross, pickThree, UnitVectorCodec } from '../de/UnitVectorCodec';
import { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import { ladderSettings, type LadderOptionValues } from '../internal/multifidelity/ladderOptions';
import { RandomSampler } from '../internal/multifidelity/RandomSampler';
import { ScheduledOptimizer } from '../internal/multifidelity/ScheduledOptimizer';
import { bracketSizes, SynchronousBrackets, type FillRequest, type RungFiller } from '../internal/multifidelity/SynchronousBrackets';
import { compareStanding, standingOf, type Standing } from '../internal/standing';
import { stateError } from '../internal/stateError';
import { trialStream } from '../internal/trialStream';

export type DehbOptions = LadderOptionValues & {
  readonly mutationFactor: number;
  readonly crossoverRate: number;
};

interface Member {
  id: number;
  vector: number[];
  /** Infinity when failed. */
  value: number;
  /** Total violation of the study's constraints at the member's budget (0: satisfied, or no constraints). */
  violation: number;
}

/** Where a member stands at its budget: Deb's rules (`standingOf`), failed members last. */
function standing(m: Member): Standing {
  return m.value === Number.POSITIVE_INFINITY ? { tier: 2, key: m.violation } : standingOf({ status: 'ok', values: [m.value], constraints: [m.violation] });
}

/** Best first by standing; ties by trial id. */
function byStanding(a: Member, b: Member): number {
  return compareStanding(standing(a), standing(b)) || a.id - b.id;
}

const dehbState = (context: OptimizerContext, rungs: number) => {
  const int = z.number().int().min(0);
  const vector = z.array(z.number()).length(context.space.parameters.length);
  return z.object({
    /** [trial id, vector, value, total violation (absent: 0)] */
    populations: z.array(z.array(z.tuple([int, vector, z.union([z.number(), z.literal('inf')]), z.number().min(0).optional()]))).length(rungs),
    pointers: z.array(int).length(rungs),
    /** Trial id -> [vector, [rung, member index] of the DE target, or null]. */
    trials: z.array(z.tuple([int, vector, z.tuple([int.max(rungs - 1), int]).nullable()])),
  });
};

/**
 * DEHB (Awad, Mallik & Hutter 2021): Hyperband's brackets, where every budget keeps a DE
 * subpopulation. The first Hyperband iteration (sMax + 1 brackets) is plain Hyperband and seeds the
 * subpopulations with what each budget evaluated. Afterwards, instead of sampling and promoting,
 * each slot of a rung is a DE child (rand/1/bin) of the next target of that budget's
 * subpopulation: mutation parents come from the subpopulation itself on the bracket's first rung and,
 * on higher rungs, from the best members of the previous budget's subpopulation (the ones DEHB would
 * promote: as many as the rung holds, but at least three — the paper tops a pool smaller than three
 * up from the global population, which at the top rungs makes the parents nearly random), and the
 * child replaces its target when it is at least as good at that budget. Children are new configurations, so they train from scratch (no
 * `continues`). Kept: per-budget subpopulations, the parent-pool rule, greedy selection, the
 * bracket schedule; dropped: the asynchronous bracket interleaving of the reference implementation
 * (brackets here run one after another). With constraints, every comparison at a budget (which
 * members seed a subpopulation, which are the parent pool, whether a child replaces its target)
 * follows Deb's rules at that budget: feasible by value, then infeasible by total violation, then failed.
 */
export class Dehb extends ScheduledOptimizer<ReturnType<typeof dehbState>> {
  private readonly root: Rng;
  private readonly codec: UnitVectorCodec;
  private readonly ladder: FidelityLadder;
  /** Largest number of configurations any bracket runs at each budget: the subpopulation size. */
  private readonly capacity: number[];
  private populations: Member[][];
  private pointers: number[];
  /** Trial id -> its vector and, for DE children, the [rung, member index] it competes with. */
  private trials = new Map<number, { vector: number[]; target: [number, number] | null }>();

  constructor(
    private readonly options: DehbOptions,
    private readonly context: OptimizerContext,
  ) {
    const ladder = FidelityLadder.resolve(context.fidelitySpace, ladderSettings(options));
    let fill: RungFiller = () => undefined;
    super(
      'dehb',
      new SynchronousBrackets(ladder, 'hyperband', new RandomSampler(context.space, context.seed), { filler: (r) => fill(r) }),
      dehbState(context, ladder.budgets.length),
    );
    fill = (r) => this.fill(r);
    this.root = Rng.seeded(context.seed);
    this.codec = new UnitVectorCodec(context.space);
    this.ladder = ladder;
    const sMax = this.ladder.sMax;
    this.capacity = this.ladder.budgets.map((_, rung) => {
      let most = 1;
      for (let s = sMax; s >= sMax - rung; s--) most = Math.max(most, bracketSizes(sMax, s, this.ladder.eta)[rung - (sMax - s)] ?? 1);
      return most;
    });
    this.populations = this.ladder.budgets.map(() => []);
    this.pointers = this.ladder.budgets.map(() => 0);
  }

  private fill(request: FillRequest): { config: Configuration; continues?: number } | undefined {
    const rng = trialStream(this.root, request.id);
    const population = this.populations[request.rung] as Member[];
    if (request.bracket <= this.ladder.sMax || population.length === 0) {
      // First Hyperband iteration: the default fill (random, then promotion); remember the vector.
      const config = request.ranked.length === 0 ? this.context.space.sample(rng) : (request.ranked[request.slot]?.config as Configuration);
      const parentVector = request.ranked.length === 0 ? undefined : this.trials.get(request.ranked[request.slot]!.id)?.vector;
      this.trials.set(request.id, { vector: parentVector ?? this.codec.encode(config, rng), target: null });
      return request.ranked.length === 0 ? { config } : { config, continues: request.ranked[request.slot]!.id };
    }
    const targetIndex = (this.pointers[request.rung] as number) % population.length;
    this.pointers[request.rung] = targetIndex + 1;
    const target = population[targetIndex] as Member;
    // Parent pool: this budget's subpopulation on a bracket's first rung; above it, the best
    // request.size members of the previous budget's subpopulation (the configurations DEHB promotes),
    // at least three of them so rand/1 has distinct parents. The global population is the last resort.
    let pool: number[][];
    if (request.ranked.length === 0) pool = population.map((m) => m.vector);
    else {
      const lower = [...(this.populations[request.rung - 1] as Member[])].sort(byStanding);
      pool = lower.slice(0, Math.max(3, request.size)).map((m) => m.vector);
    }
    if (pool.length < 3) pool = pool.concat(this.populations.flat().map((m) => m.vector));
    let config: Configuration;
    let vector: number[];
    try {
      if (pool.length < 3) throw new Error('pool too small');
      const [a, b, c] = pickThree(pool.length, -1, rng);
      vector = mutateAndCross(
        target.vector,
        pool[a] as number[],
        pool[b] as number[],
        pool[c] as number[],
        this.options.mutationFactor,
        this.options.crossoverRate,
        rng,
      );
      config = this.codec.decode(vector);
    } catch {
      config = this.context.space.sample(rng);
      vector = this.codec.encode(config, rng);
    }
    this.trials.set(request.id, { vector, target: [request.rung, targetIndex] });
    return { config };
  }

  override tell(observations: readonly Observation[]): void {
    super.tell(observations);
    for (const o of observations) {
      const info = this.trials.get(o.trial.id);
      const rung = o.trial.tags?.['rung'];
      if (info === undefined || typeof rung !== 'number') continue;
      const member: Member = {
        id: o.trial.id,
        vector: info.vector,
        value: o.status === 'ok' ? (o.values[0] as number) : Number.POSITIVE_INFINITY,
        violation: totalViolation(o.constraints),
      };
      const population = this.populations[rung] as Member[];
      if (info.target === null) {
        // Seeding: fill the subpopulation, then keep its best members.
        population.push(member);
        if (population.length > (this.capacity[rung] as number)) {
          population.sort(byStanding);
          population.length = this.capacity[rung] as number;
        }
      } else {
        const [, index] = info.target;
        const target = population[index];
        if (target !== undefined && compareStanding(standing(member), standing(target)) <= 0) population[index] = member;
      }
    }
  }

  protected override saveExtra(): z.input<ReturnType<typeof dehbState>> {
    return {
      populations: this.populations.map((p) =>
        p.map((m) => {
          const value = Number.isFinite(m.value) ? m.value : ('inf' as const);
          return m.violation > 0 ? ([m.id, m.vector, value, m.violation] as const) : ([m.id, m.vector, value] as const);
        }),
      ),
      pointers: this.pointers,
      trials: [...this.trials].map(([id, t]) => [id, t.vector, t.target] as const),
    };
  }

  protected override restoreExtra(saved: z.output<ReturnType<typeof dehbState>>): void {
    saved.trials.forEach(([, , target], i) => {
      if (target !== null && target[1] >= (saved.populations[target[0]]?.length ?? 0))
        throw stateError('dehb', `state.trials[${i}]`, 'a DE target that is not a member of its subpopulation');
    });
    this.populations = saved.populations.map((p) =>
      p.map(([id, vector, value, violation]) => ({ id, vector, value: value === 'inf' ? Number.POSITIVE_INFINITY : value, violation: violation ?? 0 })),
    );
    this.pointers = saved.pointers;
    this.trials = new Map(saved.trials.map(([id, vector, target]) => [id, { vector, target }]));
  }
}
