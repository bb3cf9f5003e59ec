import {
  Rng,
  type Configuration,
  type JsonValue,
  type Observation,
  type Optimizer,
  type OptimizerCapabilities,
  type OptimizerContext,
  type OptimizerDescriptor,
  type SearchSpace,
  type Trial,
} from '@jahskit/core';
import { z } from 'zod';
import { OptimizerError } from '../errors/OptimizerError';
import { configurationSchema } from '../internal/configurationSchema';
import { innerOptions } from '../internal/innerOptions';
import { readState } from '../internal/readState';
import { compareStanding, standingOf } from '../internal/standing';
import { stateError } from '../internal/stateError';
import { writeState } from '../internal/writeState';

export interface SequentialOptions {
  /** Options of the first (hyperparameter) optimizer. */
  readonly firstOptions: Record<string, unknown>;
  /** Options of the second (architecture) optimizer. */
  readonly secondOptions: Record<string, unknown>;
  /** Trials given to the first phase. */
  readonly switchAfter: number;
  /** Names of the hyperparameters; empty: every parameter whose role is not 'architecture' (`ParameterSpec.role`). */
  readonly hpoParameters: readonly string[];
  /** The architecture held fixed during the first phase. */
  readonly initialArchitecture: 'default' | 'random';
}

/** What the composite remembers of a trial it forwarded: which phase and the sub-optimizer's own trial. */
interface Forwarded {
  readonly phase: 1 | 2;
  readonly trial: Trial;
}

const sequentialState = (context: OptimizerContext) => {
  const config = configurationSchema(context.space);
  const int = z.number().int().min(0);
  const phase = z.union([z.literal(1), z.literal(2)]);
  const trial = z.object({
    id: int,
    config,
    fidelity: configurationSchema(context.fidelitySpace),
    continues: int.optional(),
    tags: z.record(z.string(), z.json()).optional(),
  });
  return z.object({
    next: int,
    askedFirst: int,
    /** [composite id, phase, the sub-optimizer's trial] */
    pending: z.array(z.tuple([int, phase, trial])),
    /** [phase, sub-trial id, composite id] */
    ids: z.array(z.tuple([phase, int, int])),
    /** `violation`: the best's total violation of the study's constraints, absent when it satisfies them. */
    best: z.object({ value: z.number(), config, full: z.boolean(), violation: z.number().min(0).optional() }).nullable(),
    /** Values of some of the parameters: checked by restricting the space to them. */
    fixedHyperparameters: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .superRefine((fixed, ctx) => {
        try {
          context.space.restrict(fixed);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        }
      })
      .nullable(),
    /** The sub-optimizers' own states, checked by their `restore`. */
    first: z.json(),
    second: z.json(),
  });
};

/**
 * The sequential baselines of NAS-HPO-Bench-II (Hirose, Yoshinari & Shirakawa 2021): optimise the
 * hyperparameters with the architecture fixed, then the architecture with the hyperparameters fixed
 * at the best found, each phase by its own optimizer on a restricted space (`SearchSpace.restrict`).
 *
 * The composite numbers its own trials and maps them to the sub-optimizers' trials (a `continues`
 * link is translated too), and its state holds both sub-states. The switch waits for the first
 * phase's pending results, so that the best hyperparameters are known; "best" prefers results at the
 * highest fidelity (the fidelity space's default) when the first optimizer is multi-fidelity, then
 * follows Deb's feasibility rules (`standingOf`: feasible by value, then infeasible by total
 * violation). When one of the two groups of parameters is empty, its phase is skipped.
 */
export class Sequential implements Optimizer {
  /** What the composition of `first` then `second` can do: declared here once, for the class and its descriptors. */
  static capabilitiesOf(first: OptimizerDescriptor, second: OptimizerDescriptor): OptimizerCapabilities {
    return {
      objectives: 'single',
      multiFidelity: first.capabilities.multiFidelity || second.capabilities.multiFidelity,
      asynchronous: first.capabilities.asynchronous && second.capabilities.asynchronous,
    };
  }

  readonly capabilities: OptimizerCapabilities;
  private readonly stateSchema: ReturnType<typeof sequentialState>;
  private readonly hyperparameters: ReadonlySet<string>;
  private readonly highest: string;
  private readonly first: Optimizer | undefined;
  /** No architecture parameter is free: the first optimizer gets the whole budget. */
  private readonly firstOnly: boolean;
  private second: Optimizer | undefined;
  private readonly firstOptions: unknown;
  private readonly secondOptions: unknown;
  private next = 0;
  private askedFirst = 0;
  private pending = new Map<number, Forwarded>();
  /** Sub-trial id -> composite id, per phase (for `continues` links). */
  private ids: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];
  private best: { value: number; config: Configuration; full: boolean; violation?: number } | undefined;
  private fixedHyperparameters: Configuration | undefined;

  constructor(
    private readonly firstDescriptor: OptimizerDescriptor,
    private readonly secondDescriptor: OptimizerDescriptor,
    private readonly options: SequentialOptions,
    private readonly context: OptimizerContext,
  ) {
    this.capabilities = Sequential.capabilitiesOf(firstDescriptor, secondDescriptor);
    this.stateSchema = sequentialState(context);
    const names = context.space.parameters.map((p) => p.name);
    for (const name of options.hpoParameters) {
      if (!names.includes(name)) {
        throw new OptimizerError('invalid-option', `hpoParameters: "${name}" is not a parameter of the space; parameters: ${names.join(', ')}`, {
          parameter: 'hpoParameters',
          allowed: names.join(', '),
        });
      }
    }
    // The spaces mark their architecture (the cell spaces set `role`); names are never guessed from.
    const byRole = context.space.parameters.filter((p) => p.role !== 'architecture').map((p) => p.name);
    this.hyperparameters = new Set(options.hpoParameters.length > 0 ? options.hpoParameters : byRole);
    this.highest = JSON.stringify(context.fidelitySpace.defaultConfiguration());
    this.firstOptions = innerOptions(firstDescriptor, options.firstOptions, 'firstOptions');
    this.secondOptions = innerOptions(secondDescriptor, options.secondOptions, 'secondOptions');
    const free = (hyper: boolean): boolean => context.space.parameters.some((p) => p.type !== 'constant' && this.hyperparameters.has(p.name) === hyper);
    const root = Rng.seeded(context.seed);
    if (free(true)) {
      const base = options.initialArchitecture === 'random' ? context.space.sample(root.stream('architecture')) : context.space.defaultConfiguration();
      this.first = firstDescriptor.create(this.firstOptions, {
        ...context,
        space: context.space.restrict(this.pick(base, false)),
        seed: root.seedFor('first'),
      });
    }
    this.firstOnly = this.first !== undefined && !free(false);
    if (this.first === undefined) this.startSecond({});
  }

  ask(n: number): Trial[] {
    if (this.firstOnly) return (this.first as Optimizer).ask(n).map((t) => this.forward(1, t));
    if (this.second === undefined) {
      const first = this.first as Optimizer;
      if (this.askedFirst < this.options.switchAfter) {
        const trials = first.ask(Math.min(n, this.options.switchAfter - this.askedFirst));
        this.askedFirst += trials.length;
        if (trials.length > 0 || this.pending.size > 0) return trials.map((t) => this.forward(1, t));
        // The first optimizer has nothing more to propose: switch early.
      }
      if (this.pending.size > 0) return [];
      this.startSecond(this.best === undefined ? undefined : this.pick(this.best.config, true));
    }
    return (this.second as Optimizer).ask(n).map((t) => this.forward(2, t));
  }

  tell(observations: readonly Observation[]): void {
    const batches: [Observation[], Observation[]] = [[], []];
    for (const observation of observations) {
      const forwarded = this.pending.get(observation.trial.id);
      if (forwarded === undefined) continue;
      this.pending.delete(observation.trial.id);
      (forwarded.phase === 1 ? batches[0] : batches[1]).push({ ...observation, trial: forwarded.trial });
      const value = observation.values[0];
      if (forwarded.phase === 1 && observation.status === 'ok' && value !== undefined) {
        const full = JSON.stringify(observation.trial.fidelity) === this.highest;
        const standing = standingOf(observation);
        const better = (best: NonNullable<Sequential['best']>): boolean =>
          compareStanding(standing, standingOf({ status: 'ok', values: [best.value], constraints: [best.violation ?? 0] })) < 0;
        if (this.best === undefined || (full && !this.best.full) || (full === this.best.full && better(this.best))) {
          this.best = { value, config: observation.trial.config, full, ...(standing.tier === 1 ? { violation: standing.key } : {}) };
        }
      }
    }
    if (batches[0].length > 0) this.first?.tell(batches[0]);
    if (batches[1].length > 0) this.second?.tell(batches[1]);
  }

  state(): JsonValue {
    return writeState('sequential', {
      next: this.next,
      askedFirst: this.askedFirst,
      pending: [...this.pending].map(([id, f]) => [id, f.phase, f.trial]),
      ids: [
        ...[...this.ids[0]].map(([sub, id]): [1 | 2, number, number] => [1, sub, id]),
        ...[...this.ids[1]].map(([sub, id]): [1 | 2, number, number] => [2, sub, id]),
      ],
      best: this.best ?? null,
      fixedHyperparameters: this.fixedHyperparameters ?? null,
      first: this.first?.state() ?? null,
      second: this.second?.state() ?? null,
    });
  }

  restore(state: JsonValue): void {
    const saved = readState(state, 'sequential', this.stateSchema);
    // The sub-optimizers check their own states. The second phase is rebuilt aside, on its saved
    // hyperparameters, and nothing is assigned before both sub-states are restored: a refused state
    // must leave this optimizer as it was, not with a second phase started (which restoring the state
    // from before, as Study.restore does on a refusal, would not undo).
    let second: Optimizer | undefined;
    let fixed: Configuration | undefined;
    if (saved.second !== null) {
      fixed = saved.fixedHyperparameters ?? this.defaultHyperparameters();
      second = this.createSecond(fixed);
      second.restore(saved.second);
    } else if (this.first === undefined) {
      throw stateError('sequential', 'state.second', 'is null, but without hyperparameters to tune the second phase is the only one');
    }
    if (this.first !== undefined && saved.first !== null) this.first.restore(saved.first);
    this.second = second;
    this.fixedHyperparameters = fixed;
    this.next = saved.next;
    this.askedFirst = saved.askedFirst;
    this.pending = new Map(saved.pending.map(([id, phase, trial]) => [id, { phase, trial: trial as Trial }]));
    this.ids = [new Map(), new Map()];
    for (const [phase, sub, id] of saved.ids) (phase === 1 ? this.ids[0] : this.ids[1]).set(sub, id);
    this.best = saved.best ?? undefined;
  }

  private forward(phase: 1 | 2, trial: Trial): Trial {
    const id = this.next++;
    const ids = phase === 1 ? this.ids[0] : this.ids[1];
    ids.set(trial.id, id);
    this.pending.set(id, { phase, trial });
    const continues = trial.continues === undefined ? undefined : ids.get(trial.continues);
    return {
      id,
      config: trial.config,
      fidelity: trial.fidelity,
      ...(continues !== undefined ? { continues } : {}),
      tags: { ...(trial.tags ?? {}), phase, subTrial: trial.id },
    };
  }

  /** Starts the second phase with the hyperparameters of `fixed` (undefined: the space's defaults). */
  private startSecond(fixed: Configuration | undefined): void {
    this.fixedHyperparameters = fixed ?? this.defaultHyperparameters();
    this.second = this.createSecond(this.fixedHyperparameters);
  }

  private defaultHyperparameters(): Configuration {
    return this.pick(this.context.space.defaultConfiguration(), true);
  }

  /** The second phase's optimizer, on the space with the hyperparameters of `fixed` fixed. */
  private createSecond(fixed: Configuration): Optimizer {
    const space: SearchSpace = this.context.space.restrict(fixed);
    return this.secondDescriptor.create(this.secondOptions, { ...this.context, space, seed: Rng.seeded(this.context.seed).seedFor('second') });
  }

  /** The entries of `config` that are hyperparameters (`hyper`) or architecture parameters. */
  private pick(config: Configuration, hyper: boolean): Configuration {
    const out: Record<string, Configuration[string]> = {};
    for (const [name, value] of Object.entries(config)) if (this.hyperparameters.has(name) === hyper) out[name] = value;
    return out;
  }
}
