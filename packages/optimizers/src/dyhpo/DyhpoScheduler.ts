import { Rng, totalViolation, type Configuration, type JsonValue, type Observation, type SearchSpace, type Trial } from '@jahskit/core';
import { z } from 'zod';
import { expectedImprovement } from '../internal/acquisition/expectedImprovement';
import type { GpEiSettings } from '../internal/acquisition/gpEiOptions';
import { trainingSubset, type Evaluated } from '../internal/acquisition/ObservationHistory';
import { configKey } from '../internal/configKey';
import { configurationSchema } from '../internal/configurationSchema';
import type { GaussianProcess } from '../internal/gp/GaussianProcess';
import { gpHyperparametersSchema } from '../internal/gp/GpHyperparameters';
import { OneHotEncoder } from '../internal/gp/OneHotEncoder';
import { RefittedGp } from '../internal/gp/RefittedGp';
import type { FidelityLadder } from '../internal/multifidelity/FidelityLadder';
import type { Scheduler } from '../internal/multifidelity/ScheduledOptimizer';
import { NEIGHBOUR_STEP } from '../internal/mutateOneParameter';
import { neighbourhoodPool } from '../internal/neighbourhoodPool';
import { compareStanding, standingOf, type Standing } from '../internal/standing';
import { trialStream } from '../internal/trialStream';
import { budgetSpace, NO_CURVE, type BudgetSpace } from './budgetSpace';
import { RungStatistics } from './RungStatistics';

/**
 * The model and acquisition settings of {@link DyhpoScheduler}: the points of the model are
 * (configuration, budget) pairs; the initial trials and the candidate pools are new configurations at
 * the lowest rung.
 */
export interface DyhpoSettings extends GpEiSettings {
  /** The model also sees where the configuration's result at the rung below stands among that rung's results (its learning curve so far). */
  readonly learningCurve: boolean;
  /** The model fits, and expected improvement compares, each result in units of its rung's spread from the rung's median. */
  readonly rungNormalised: boolean;
}

/** One rung of a configuration's training: its trial, and its value (null while running, Infinity when it failed). */
interface Step {
  readonly id: number;
  value: number | null;
  /** Total violation of the study's constraints at the rung (0: satisfied, or no constraints). */
  violation: number;
}

/** Where a finished step stands at its rung (Deb's rules, `standingOf`). */
function standing(step: Step): Standing {
  return step.value === Number.POSITIVE_INFINITY
    ? { tier: 2, key: step.violation }
    : standingOf({ status: 'ok', values: [step.value as number], constraints: [step.violation] });
}

/** A configuration and its learning curve along the ladder: step k is rung k. */
interface Lineage {
  readonly config: Configuration;
  readonly steps: Step[];
}

/** [trial id, value, total violation (absent: 0)] */
type SavedStep = [number, number | 'inf' | null, number?];

interface SavedDyhpo {
  readonly next: number;
  readonly lineages: [Configuration, SavedStep[]][];
  readonly hyperparameters: z.output<typeof gpHyperparametersSchema> | null;
  readonly fittedAt: number;
}

/** What one proposal scores: a lineage's next rung (`lineage` its index) or a new configuration at rung 0. */
interface Candidate {
  readonly lineage: number | undefined;
  readonly config: Configuration;
  readonly rung: number;
}

/**
 * The DyHPO race (Wistuba, Kadra & Grabocka 2022): one Gaussian process over (configuration,
 * normalised log budget) is fitted to every rung result so far; each proposal scores every
 * configuration that is neither running nor at the top rung at its next rung, plus new configurations
 * at the lowest rung, by expected improvement over the best value observed at that rung, and trains
 * the winner one rung further. A continued configuration names the trial it continues, so only the
 * increment is paid. Nothing waits: a free worker always gets the best-scoring step.
 *
 * Constraints (Deb's rules at each rung, `standingOf`): the incumbent of expected improvement is the
 * best feasible value at the rung (the best feasible anywhere, else the best value, when there is
 * none); the configurations mutated are the best by standing; and a configuration whose latest rung
 * breaks a constraint stands below every other candidate, so it is continued only when nothing else
 * is left to score.
 */
export class DyhpoScheduler implements Scheduler {
  private next = 0;
  private lineages: Lineage[] = [];
  /** Where each trial is: its lineage index and rung. */
  private readonly where = new Map<number, { lineage: number; rung: number }>();
  /** configKey of every lineage's configuration: new candidates are other configurations. */
  private readonly keys = new Set<string>();
  private readonly root: Rng;
  private readonly modelSpace: BudgetSpace;
  private readonly encoder: OneHotEncoder;
  private readonly gp: RefittedGp;
  /** The model input of each rung: log(b_k / b_0) / log(b_top / b_0). */
  private readonly coordinates: readonly number[];
  /** Of the finished results, as of the current `ask` (used only with `learningCurve` or `rungNormalised`). */
  private rungStatistics = RungStatistics.of([]);

  constructor(
    private readonly ladder: FidelityLadder,
    private readonly space: SearchSpace,
    seed: number,
    private readonly settings: DyhpoSettings,
  ) {
    this.root = Rng.seeded(seed);
    this.modelSpace = budgetSpace(space, { curve: settings.learningCurve });
    this.encoder = new OneHotEncoder(this.modelSpace);
    this.gp = new RefittedGp(this.encoder, settings.refitEvery);
    const budgets = ladder.budgets;
    const span = Math.log((budgets[budgets.length - 1] as number) / (budgets[0] as number));
    this.coordinates = budgets.map((b) => (span > 0 ? Math.log(b / (budgets[0] as number)) / span : 1));
    const rungs = budgets.length;
    const int = z.number().int().min(0);
    const step = z.tuple([int, z.union([z.number(), z.literal('inf'), z.null()]), z.number().min(0).optional()]);
    const groups = this.encoder.groupCount;
    this.stateSchema = z
      .object({
        next: int,
        lineages: z.array(z.tuple([configurationSchema(space), z.array(step).min(1).max(rungs)])),
        hyperparameters: gpHyperparametersSchema.nullable(),
        fittedAt: int,
      })
      .superRefine((s, ctx) => {
        const seen = new Set<number>();
        s.lineages.forEach(([, steps], l) =>
          steps.forEach(([id, value], k) => {
            const path = ['lineages', l, 1, k];
            if (id >= s.next) ctx.addIssue({ code: 'custom', path: [...path, 0], message: `trial ${id} is not below next (${s.next})` });
            if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 0], message: `trial ${id} appears twice` });
            seen.add(id);
            if (k < steps.length - 1 && (value === null || value === 'inf'))
              ctx.addIssue({ code: 'custom', path: [...path, 1], message: 'only the last rung of a configuration may be running or failed' });
          }),
        );
        if (s.hyperparameters !== null && s.hyperparameters.logLengthScales.length !== groups) {
          ctx.addIssue({
            code: 'custom',
            path: ['hyperparameters', 'logLengthScales'],
            message: `has ${s.hyperparameters.logLengthScales.length} length scales, the space and budget need ${groups}`,
          });
        }
      });
  }

  /** What `state()` writes, checked on restore. */
  readonly stateSchema: z.ZodType<SavedDyhpo>;

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    // One fit per ask; each pick is then fantasised at its predicted mean (kriging believer), so
    // the picks of a batch spread out.
    let model: GaussianProcess | undefined;
    if (this.settings.learningCurve || this.settings.rungNormalised) this.rungStatistics = RungStatistics.of(this.rungResults());
    const points = n > 0 ? this.observed() : [];
    for (let i = 0; i < n; i++) {
      const id = this.next++;
      const rng = trialStream(this.root, id);
      let pick: { candidate: Candidate; ei?: number } | undefined;
      if (id >= this.settings.initialTrials && points.length >= 2) {
        model ??= this.model(points);
        const scored = this.best(model, rng);
        if (scored !== undefined) {
          pick = scored;
          model = model.condition(scored.row, scored.mean);
        }
      }
      pick ??= { candidate: { lineage: undefined, config: this.fresh(rng), rung: 0 } };
      trials.push(this.start(id, pick.candidate, pick.ei));
    }
    return trials;
  }

  /** Every finished rung with a finite value, by trial id (so "most recent" does not depend on the order of results). */
  private observed(): Evaluated[] {
    const points: Evaluated[] = [];
    for (const lineage of this.lineages) {
      lineage.steps.forEach((step, rung) => {
        if (step.value !== null && Number.isFinite(step.value))
          points.push({ id: step.id, config: this.at(lineage, rung), value: this.modelled(rung, step.value) });
      });
    }
    return points.sort((a, b) => a.id - b.id);
  }

  /** The finite results at each rung. */
  private rungResults(): number[][] {
    return this.ladder.budgets.map((_, k) =>
      this.lineages.flatMap((l) => {
        const v = l.steps[k]?.value;
        return v !== undefined && v !== null && Number.isFinite(v) ? [v] : [];
      }),
    );
  }

  /** What the model fits for a result at `rung`: the value, or with `rungNormalised` the value on its rung's scale. */
  private modelled(rung: number, value: number): number {
    return this.settings.rungNormalised ? this.rungStatistics.normalise(rung, value) : value;
  }

  /** The model input of a configuration (new: no lineage yet) at ladder rung `rung`. */
  private at(lineage: Lineage | { readonly config: Configuration; readonly steps?: undefined }, rung: number): Configuration {
    const input: Record<string, Configuration[string]> = { ...lineage.config, [this.modelSpace.budget]: this.coordinates[rung] as number };
    const curve = this.modelSpace.curve;
    if (curve !== undefined) {
      const below = rung > 0 ? lineage.steps?.[rung - 1]?.value : undefined;
      input[curve] = below === undefined || below === null ? NO_CURVE : this.rungStatistics.quantile(rung - 1, below);
    }
    return input;
  }

  /** The GP on (at most maxTrainingPoints of) the points, conditioned on the running trials at their predicted means. */
  private model(points: readonly Evaluated[]): GaussianProcess {
    const training = trainingSubset(points, this.settings.maxTrainingPoints);
    let gp = this.gp.fit(
      training.map((e) => e.config),
      training.map((e) => e.value),
      points.length,
    );
    const row = new Float64Array(this.encoder.width);
    for (const lineage of this.lineages) {
      const last = lineage.steps.length - 1;
      if ((lineage.steps[last] as Step).value !== null) continue;
      this.encoder.encodeInto(this.at(lineage, last), row, 0);
      gp = gp.condition(row, gp.predict(row, 1).mean[0] as number);
    }
    return gp;
  }

  /** The candidate of highest expected improvement (ties: the first, lineages before new configurations). */
  private best(model: GaussianProcess, rng: Rng): { candidate: Candidate; ei: number; row: Float64Array; mean: number } | undefined {
    const top = this.ladder.budgets.length - 1;
    const candidates: Candidate[] = [];
    const infeasible: Candidate[] = [];
    const bestAt: number[] = this.ladder.budgets.map(() => Infinity);
    const feasibleAt: number[] = this.ladder.budgets.map(() => Infinity);
    let bestAny = Infinity;
    let feasibleAny = Infinity;
    const latest: { index: number; standing: Standing }[] = [];
    this.lineages.forEach((lineage, index) => {
      const steps = lineage.steps;
      for (let k = 0; k < steps.length; k++) {
        const { value, violation } = steps[k] as Step;
        const v = value === null ? null : this.modelled(k, value);
        if (v !== null && v < (bestAt[k] as number)) bestAt[k] = v;
        if (v !== null && violation === 0 && v < (feasibleAt[k] as number)) feasibleAt[k] = v;
      }
      const last = steps[steps.length - 1] as Step;
      if (last.value === null || !Number.isFinite(last.value)) return;
      latest.push({ index, standing: standing(last) });
      if (steps.length - 1 < top) (last.violation > 0 ? infeasible : candidates).push({ lineage: index, config: lineage.config, rung: steps.length });
    });
    for (const v of bestAt) bestAny = Math.min(bestAny, v);
    for (const v of feasibleAt) feasibleAny = Math.min(feasibleAny, v);
    // New configurations: prior draws for global exploration plus one-parameter mutations of the
    // configurations with the best latest results (a local search that also works on cell spaces).
    const incumbents = latest
      .sort((a, b) => compareStanding(a.standing, b.standing) || a.index - b.index)
      .slice(0, this.settings.incumbents)
      .map((e) => (this.lineages[e.index] as Lineage).config);
    const fresh = neighbourhoodPool(
      this.space,
      rng,
      incumbents,
      this.settings.mutationCandidates,
      this.settings.randomCandidates,
      (key) => this.keys.has(key),
      NEIGHBOUR_STEP,
    );
    for (const config of fresh) candidates.push({ lineage: undefined, config, rung: 0 });
    if (candidates.length === 0) candidates.push(...infeasible);
    if (candidates.length === 0) return undefined;
    // Without constraints every value is feasible and these are bestAt and bestAny.
    const incumbentAt = (rung: number): number =>
      Number.isFinite(feasibleAt[rung] as number)
        ? (feasibleAt[rung] as number)
        : Number.isFinite(feasibleAny)
          ? feasibleAny
          : Number.isFinite(bestAt[rung] as number)
            ? (bestAt[rung] as number)
            : bestAny;
    const width = this.encoder.width;
    const rows = this.encoder.encodeAll(candidates.map((c) => this.at(c.lineage === undefined ? c : (this.lineages[c.lineage] as Lineage), c.rung)));
    const { mean, variance } = model.predict(rows, candidates.length);
    const scale = model.yScale;
    let at = -1;
    let topEi = -Infinity;
    for (let c = 0; c < candidates.length; c++) {
      const rung = (candidates[c] as Candidate).rung;
      const incumbent = incumbentAt(rung);
      // In standardised units, so xi is relative to the spread of the observed values.
      const ei = expectedImprovement(((mean[c] as number) - incumbent) / scale, (variance[c] as number) / (scale * scale), 0, this.settings.xi);
      if (ei > topEi) {
        topEi = ei;
        at = c;
      }
    }
    if (at < 0) return undefined;
    return { candidate: candidates[at] as Candidate, ei: topEi, row: rows.slice(at * width, at * width + width), mean: mean[at] as number };
  }

  /** A prior draw that no lineage has (a few tries; in an exhausted space a repeat starts a new lineage). */
  private fresh(rng: Rng): Configuration {
    let config = this.space.sample(rng);
    for (let attempt = 0; attempt < 20 && this.keys.has(configKey(this.space, config)); attempt++) config = this.space.sample(rng);
    return config;
  }

  private start(id: number, candidate: Candidate, ei: number | undefined): Trial {
    let index = candidate.lineage;
    let continues: number | undefined;
    if (index === undefined) {
      index = this.lineages.length;
      this.lineages.push({ config: candidate.config, steps: [] });
      this.keys.add(configKey(this.space, candidate.config));
    } else {
      const steps = (this.lineages[index] as Lineage).steps;
      continues = (steps[steps.length - 1] as Step).id;
    }
    (this.lineages[index] as Lineage).steps.push({ id, value: null, violation: 0 });
    this.where.set(id, { lineage: index, rung: candidate.rung });
    return {
      id,
      config: candidate.config,
      fidelity: this.ladder.fidelities[candidate.rung] as Configuration,
      ...(continues !== undefined ? { continues } : {}),
      tags: { rung: candidate.rung, ...(ei !== undefined ? { ei } : {}) },
    };
  }

  tell(observations: readonly Observation[]): void {
    for (const o of observations) {
      const place = this.where.get(o.trial.id);
      if (place === undefined) continue;
      const step = (this.lineages[place.lineage] as Lineage).steps[place.rung] as Step;
      if (step.value !== null) continue;
      const value = o.values[0];
      // A failed or diverged rung ends the configuration's race: it is never continued.
      step.value = o.status === 'ok' && value !== undefined && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
      step.violation = totalViolation(o.constraints);
    }
  }

  state(): JsonValue {
    const saved: SavedDyhpo = {
      next: this.next,
      lineages: this.lineages.map((l) => [
        l.config,
        l.steps.map((s): SavedStep => {
          const value = s.value === null ? null : Number.isFinite(s.value) ? s.value : 'inf';
          return s.violation > 0 ? [s.id, value, s.violation] : [s.id, value];
        }),
      ]),
      ...this.gp.state(),
    };
    return saved as unknown as JsonValue;
  }

  /** Restores a state already checked against `stateSchema`. */
  restore(saved: SavedDyhpo): void {
    this.next = saved.next;
    this.lineages = saved.lineages.map(([config, steps]) => ({
      config,
      steps: steps.map(([id, value, violation]) => ({ id, value: value === 'inf' ? Number.POSITIVE_INFINITY : value, violation: violation ?? 0 })),
    }));
    this.where.clear();
    this.keys.clear();
    this.lineages.forEach((lineage, index) => {
      this.keys.add(configKey(this.space, lineage.config));
      lineage.steps.forEach((step, rung) => this.where.set(step.id, { lineage: index, rung }));
    });
    this.gp.restore(saved.hyperparameters, saved.fittedAt);
  }
}
