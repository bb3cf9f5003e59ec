import type { OptimizerContext, Rng } from '@jahskit/core';
import { z } from 'zod';
import type { ArchiveEntry } from '../internal/mo/ParetoArchive';
import { BreedingMoOptimizerBase, type BreedingOptions } from '../internal/mo/BreedingMoOptimizerBase';
import type { SavedEnvelope } from '../internal/ProposalOptimizer';
import { crowdedTournament, rankAndCrowding, selectByRankAndCrowding } from '../internal/mo/rankAndCrowding';

/** `population`: parents kept after each environmental selection; the crossed parents are two tournament winners. */
export type Nsga2Options = BreedingOptions;

/**
 * NSGA-II, Deb, Pratap, Agarwal & Meyarivan (IEEE TEC 2002), on mixed conditional spaces.
 *
 * Trials 0 .. population-1 are prior samples. After that, each trial is a child of two binary
 * tournament winners (lower Pareto rank, then larger crowding distance) of the current parents:
 * uniform crossover (conditions repaired by the space) and a one-parameter mutation. Environmental
 * selection runs whenever `population` new results have arrived, on parents plus offspring: whole
 * non-dominated fronts, then the least crowded points of the split front. With a batch of
 * `population` synchronous workers this is the generational algorithm of the paper; with
 * asynchronous workers asking one at a time it is a steady-state variant in which children are
 * always bred from the latest parents and nobody waits for a generation to finish.
 *
 * With constraints, ranks are those of constrained domination (Deb et al. 2002, as in the paper and
 * pymoo): in survival and tournaments a feasible result beats an infeasible one, and of two
 * infeasible results the smaller total violation wins.
 */
/** Parents and offspring are indices into the archive. */
const nsga2State = z.object({ parents: z.array(z.number().int().min(0)), offspring: z.array(z.number().int().min(0)) });

export class Nsga2 extends BreedingMoOptimizerBase<Nsga2Options, typeof nsga2State> {
  private parents: number[] = [];
  private offspring: number[] = [];
  private rank: Int32Array = new Int32Array(0);
  private crowding: Float64Array = new Float64Array(0);

  constructor(options: Nsga2Options, context: OptimizerContext) {
    super('nsga2', context, nsga2State, options);
  }

  protected parentPicker(): ((rng: Rng) => ArchiveEntry) | undefined {
    const pool = this.parents.length > 0 ? this.parents : this.offspring;
    if (pool.length === 0) return undefined;
    if (pool === this.offspring) this.rankParents(pool);
    return (rng) => this.tournament(pool, rng);
  }

  private tournament(pool: readonly number[], rng: Rng): ArchiveEntry {
    const i = rng.index(pool.length);
    const j = rng.index(pool.length);
    return this.archive.entries[pool[crowdedTournament(this.rank, this.crowding, i, j)] as number] as ArchiveEntry;
  }

  protected override onResults(added: readonly ArchiveEntry[]): void {
    const start = this.archive.size - added.length;
    for (let k = start; k < this.archive.size; k++) this.offspring.push(k);
    if (this.offspring.length < this.options.population) return;
    const pool = [...this.parents, ...this.offspring];
    const chosen = selectByRankAndCrowding(this.archive.pointsOf(pool), this.d, this.options.population, this.archive.violations(pool));
    this.parents = chosen.map((i) => pool[i] as number);
    this.offspring = [];
    this.rankParents(this.parents);
  }

  /** Ranks and crowding distances of `pool`, computed on the pool itself, indexed by position. */
  private rankParents(pool: readonly number[]): void {
    const { rank, crowding } = rankAndCrowding(this.archive.pointsOf(pool), this.d, this.archive.violations(pool));
    this.rank = rank;
    this.crowding = crowding;
  }

  protected override saveExtra(): z.input<typeof nsga2State> {
    return { parents: this.parents, offspring: this.offspring };
  }

  protected override restoreExtra(saved: z.output<typeof nsga2State> & SavedEnvelope): void {
    const parents = this.archiveIndices('parents', saved.parents);
    this.offspring = this.archiveIndices('offspring', saved.offspring);
    this.parents = parents;
    if (this.parents.length > 0) this.rankParents(this.parents);
  }
}
