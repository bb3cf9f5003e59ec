import type { Configuration, OptimizerContext, ParamValue, Rng } from '@jahskit/core';
import { hypervolumeContributions, nonDominatedFilter } from '@jahskit/multiobjective';
import { OptimizerError } from '../errors/OptimizerError';
import { MoOptimizerBase, type Proposal } from '../internal/mo/MoOptimizerBase';
import type { ArchiveEntry } from '../internal/mo/ParetoArchive';
import { configKey } from '../internal/configKey';
import { mutateOneParameter } from '../internal/mutateOneParameter';
import { referencePoint } from '../internal/mo/referencePoint';
import { constrainedRanks } from '../internal/mo/constrainedRanks';
import { sizeKnobs, type SizeKnob } from './sizeKnobs';

export interface BulkCutOptions {
  readonly initialTrials: number;
  readonly phaseLength: number;
  readonly epsilon: number;
  readonly hyperparameterProbability: number;
  readonly sizeParameters: readonly string[] | null;
}

/**
 * BULK & CUT (Guerrero-Viu et al. 2021, after the network-morphism and pruning method of the same
 * paper) adapted to tabular and surrogate benchmarks, where networks cannot be grown or pruned during
 * training: the architecture moves along *size knobs* (cell operations ordered by cost, ordinal size
 * parameters). After `initialTrials` prior draws, phases of `phaseLength` trials alternate:
 * bulk-up children replace one knob's value by a costlier one, cut-down children by a cheaper one.
 * Parents come from the current Pareto front by the Pareto-epsilon-greedy rule: with probability
 * `epsilon` a random front member, otherwise the most accurate one (lowest first objective) in a
 * bulk-up phase and the one with the largest exclusive hypervolume contribution in a cut-down phase.
 * The non-architectural hyperparameters are not tuned by constrained BO as in the paper: with
 * probability `hyperparameterProbability` one of them is perturbed locally (a trust-region-like
 * random step around the parent). Children already evaluated are redrawn (up to 8 times). With
 * constraints, the front parents come from is that of constrained domination (feasible results first).
 */
export class BulkCut extends MoOptimizerBase {
  private readonly knobs: SizeKnob[];
  private readonly hyperparameters: string[];
  private seen = new Set<string>();

  constructor(
    private readonly options: BulkCutOptions,
    context: OptimizerContext,
  ) {
    super('bulkcut', context);
    this.knobs = sizeKnobs(context.space, options.sizeParameters);
    if (this.knobs.length === 0) {
      throw new OptimizerError('unsupported-task', 'bulkcut needs at least one size parameter (cell operations, ordinal or numeric parameters)', {
        parameter: 'sizeParameters',
      });
    }
    const knobNames = new Set(this.knobs.map((k) => k.name));
    this.hyperparameters = context.space.parameters.filter((p) => p.type !== 'constant' && !knobNames.has(p.name)).map((p) => p.name);
  }

  protected propose(id: number, rng: Rng): Proposal {
    const space = this.context.space;
    if (id < this.options.initialTrials || this.archive.size === 0) return { config: space.sample(rng) };
    const cycle = Math.floor((id - this.options.initialTrials) / this.options.phaseLength);
    const phase = cycle % 2 === 0 ? 'bulk' : 'cut';
    let child: Configuration = space.sample(rng);
    for (let attempt = 0; attempt < 8; attempt++) {
      const parent = this.parent(phase, rng, attempt > 0);
      child = this.resize(parent.config, phase === 'bulk' ? 1 : -1, rng);
      if (this.hyperparameters.length > 0 && rng.bernoulli(this.options.hyperparameterProbability)) child = this.perturbHyperparameter(child, rng);
      if (!this.seen.has(configKey(space, child))) return { config: child, tags: { phase, parent: parent.id } };
    }
    return { config: child, tags: { phase } };
  }

  /** The Pareto front, its most accurate member and its largest contributor, for the archive size `size`. */
  private front: { size: number; members: number[]; accurate: number; contributor: number } | undefined;

  private currentFront(): { members: number[]; accurate: number; contributor: number } {
    if (this.front?.size === this.archive.size) return this.front;
    const points = this.archive.points();
    const violations = this.archive.violations();
    // With constraints, the front of constrained domination: the feasible non-dominated results, or the least violating while none is feasible.
    const members = violations === undefined ? Array.from(nonDominatedFilter(points, this.d)) : frontOf(constrainedRanks(points, this.d, violations));
    const accurate = members.reduce((best, i) => ((points[i * this.d] as number) < (points[best * this.d] as number) ? i : best));
    const contributions = hypervolumeContributions(this.archive.pointsOf(members), this.d, referencePoint(points, this.d));
    let top = 0;
    for (let k = 1; k < members.length; k++) if ((contributions[k] as number) > (contributions[top] as number)) top = k;
    this.front = { size: this.archive.size, members, accurate, contributor: members[top] as number };
    return this.front;
  }

  private parent(phase: 'bulk' | 'cut', rng: Rng, explore: boolean): { id: number; config: Configuration } {
    const front = this.currentFront();
    let chosen: number;
    if (explore || rng.bernoulli(this.options.epsilon)) chosen = rng.pick(front.members);
    else chosen = phase === 'bulk' ? front.accurate : front.contributor;
    const entry = this.archive.entries[chosen]!;
    return { id: entry.id, config: entry.config };
  }

  /** One knob one step costlier (direction 1) or cheaper (-1); another knob if this one is at its end. */
  private resize(config: Configuration, direction: 1 | -1, rng: Rng): Configuration {
    const space = this.context.space;
    const movable: { knob: SizeKnob; values: ParamValue[] }[] = [];
    for (const knob of this.knobs) {
      const value = config[knob.name];
      if (value === undefined) continue;
      if (knob.order !== undefined) {
        const at = knob.order.indexOf(value);
        const values = direction > 0 ? knob.order.slice(at + 1) : knob.order.slice(0, Math.max(0, at));
        if (values.length > 0) movable.push({ knob, values: [...values] });
      } else {
        movable.push({ knob, values: [] });
      }
    }
    if (movable.length === 0) return mutateOneParameter(space, config, rng);
    const { knob, values } = rng.pick(movable);
    if (knob.order !== undefined) {
      try {
        return space.validate(this.withActive({ ...config, [knob.name]: rng.pick(values) }, rng));
      } catch {
        return mutateOneParameter(space, config, rng);
      }
    }
    // A numeric knob: a half-normal step in its [0, 1] encoding, in the phase's direction.
    const j = space.parameters.findIndex((p) => p.name === knob.name);
    const vector = space.encode(config);
    vector[j] = Math.min(1, Math.max(0, (vector[j] as number) + direction * Math.abs(rng.normal(0, 0.1))));
    try {
      return space.decode(vector);
    } catch {
      return mutateOneParameter(space, config, rng);
    }
  }

  /** Keeps exactly the active parameters, drawing newly active ones from the prior. */
  private withActive(config: Record<string, ParamValue>, rng: Rng): Configuration {
    const space = this.context.space;
    const fresh = space.sample(rng);
    const full = { ...fresh, ...config };
    const out: Record<string, ParamValue> = {};
    for (const p of space.parameters) if (space.isActive(p.name, full) && full[p.name] !== undefined) out[p.name] = full[p.name] as ParamValue;
    return out;
  }

  private perturbHyperparameter(config: Configuration, rng: Rng): Configuration {
    // The mutation on the subspace of hyperparameters: the knobs are held fixed by `restrict`.
    const fixed: Record<string, ParamValue> = {};
    for (const knob of this.knobs) if (config[knob.name] !== undefined) fixed[knob.name] = config[knob.name] as ParamValue;
    try {
      const sub = this.context.space.restrict(fixed);
      return this.context.space.validate(mutateOneParameter(sub, config, rng));
    } catch {
      return config;
    }
  }

  protected override onResults(added: readonly ArchiveEntry[]): void {
    for (const e of added) this.seen.add(configKey(this.context.space, e.config));
  }

  protected override restoreExtra(): void {
    this.seen = new Set(this.archive.entries.map((e) => configKey(this.context.space, e.config)));
  }
}

/** The rows of rank 0. */
function frontOf(rank: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < rank.length; i++) if (rank[i] === 0) out.push(i);
  return out;
}
