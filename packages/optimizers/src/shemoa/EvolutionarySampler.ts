import type { Configuration, Rng } from '@jahskit/core';
import { violationsOf } from '../internal/mo/MoBracketOptimizer';
import { mutateOneParameter } from '../internal/mutateOneParameter';
import { paretoKeep } from '../internal/mo/paretoOrder';
import { rankAndCrowding } from '../internal/mo/rankAndCrowding';
import { MoRungSampler, type RungSamplerFrame } from '../internal/mo/MoRungSampler';
import type { SampledRungs } from '../internal/mo/sampledRungsSchema';
import { uniformCrossover } from '../internal/mo/uniformCrossover';

export interface EvolutionarySamplerOptions {
  readonly population: number;
  readonly tournamentSize: number;
  readonly mutationProbability: number;
}

interface Member {
  readonly id: number;
  readonly config: Configuration;
}

/**
 * SH-EMOA's source of new configurations: one population per budget (ladder rung), each capped at
 * `population` members by non-dominated sorting plus greedy hypervolume subset selection (the poor
 * candidate is dropped). A child is bred from the population of the highest budget that is at least
 * half full (else the highest with at least `tournamentSize` members): with probability `mutationProbability` a one-parameter mutation of
 * a tournament winner, otherwise the uniform recombination of two winners (conditions repaired).
 * Tournaments draw `tournamentSize` members and keep the best by Pareto rank, then crowding distance.
 * Before any population is large enough, children are prior draws. With constraints, both the cap
 * and the tournaments follow constrained domination: feasible members first, then the least violating.
 */
export class EvolutionarySampler extends MoRungSampler {
  private rungs: Member[][] = [];

  constructor(
    frame: RungSamplerFrame,
    private readonly options: EvolutionarySamplerOptions,
  ) {
    super(frame);
  }

  /** A child (a repeated one is bred again). */
  protected draw(rng: Rng): Configuration {
    // The highest budget with a half-full population, else the highest with a tournament's worth.
    const half = Math.max(this.options.tournamentSize, Math.ceil(this.options.population / 2));
    let pool: Member[] | undefined;
    for (let r = this.rungs.length - 1; r >= 0 && pool === undefined; r--) if ((this.rungs[r] as Member[]).length >= half) pool = this.rungs[r];
    for (let r = this.rungs.length - 1; r >= 0 && pool === undefined; r--)
      if ((this.rungs[r] as Member[]).length >= this.options.tournamentSize) pool = this.rungs[r];
    if (pool === undefined) return this.space.sample(rng);
    const { rank, crowding } = rankAndCrowding(this.points(pool), this.d, this.violationsOf(pool));
    const tournament = (): Member => {
      let best = rng.index(pool.length);
      for (let k = 1; k < this.options.tournamentSize; k++) {
        const c = rng.index(pool.length);
        if (
          (rank[c] as number) < (rank[best] as number) ||
          ((rank[c] as number) === (rank[best] as number) && (crowding[c] as number) > (crowding[best] as number))
        )
          best = c;
      }
      return pool[best] as Member;
    };
    const a = tournament();
    if (rng.bernoulli(this.options.mutationProbability)) return mutateOneParameter(this.space, a.config, rng);
    const b = tournament();
    const child = uniformCrossover(this.space, a.config, b.config, rng);
    // Recombining a parent with itself (or an unlucky mask) copies it: mutate instead of repeating.
    return sameConfig(child, a.config) || sameConfig(child, b.config) ? mutateOneParameter(this.space, child, rng) : child;
  }

  observe(id: number, config: Configuration, rung: number, value: number | undefined): void {
    if (value === undefined || !this.book.has(id)) return;
    while (this.rungs.length <= rung) this.rungs.push([]);
    const members = [...(this.rungs[rung] as Member[]), { id, config }];
    const keep =
      members.length > this.options.population
        ? paretoKeep(this.points(members), this.d, this.options.population, { violations: this.violationsOf(members) })
        : undefined;
    this.rungs[rung] = keep === undefined ? members : keep.map((i) => members[i] as Member);
  }

  private points(members: readonly Member[]): Float64Array {
    return this.pointsOf(members.map((m) => m.id));
  }

  private violationsOf(members: readonly Member[]): Float64Array | undefined {
    return violationsOf(
      this.violations,
      members.map((m) => m.id),
    );
  }

  protected savedRungs(): SampledRungs['rungs'] {
    return this.rungs.map((r) => r.map((m) => [m.id, m.config]));
  }

  protected restoreRungs(rungs: SampledRungs['rungs']): void {
    this.rungs = rungs.map((r) => r.map(([id, config]) => ({ id, config })));
  }
}

function sameConfig(a: Configuration, b: Configuration): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
