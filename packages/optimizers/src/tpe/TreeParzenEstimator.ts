import { Rng, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerContext, type Trial } from '@jahskit/core';
import { imputeRow } from '../internal/kde/MultivariateKde';
import { ObservationRows } from '../internal/kde/ObservationRows';
import { proposeByDensityRatio } from '../internal/kde/proposeByDensityRatio';
import { UnitCodec } from '../internal/kde/UnitCodec';
import { configKey } from '../internal/configKey';
import { readState } from '../internal/readState';

export interface TpeOptions {
  readonly startupTrials: number;
  readonly candidates: number;
  /** 'auto': min(ceil(0.1 n), 25) good observations (Optuna's rule); a number: that fraction of n. */
  readonly gamma: 'auto' | number;
  readonly priorWeight: number;
  readonly multivariate: boolean;
  readonly bandwidthFactor: number;
  readonly minBandwidth: number;
  /** Never propose a configuration that was already asked (see the class comment). */
  readonly avoidDuplicates: boolean;
}

interface TpeState {
  readonly next: number;
  readonly observations: readonly (readonly [number, Configuration, number])[];
  readonly asked?: readonly string[];
}

/** Prior draws tried for an unseen configuration when every density-ratio candidate was seen. */
const FRESH_ATTEMPTS = 32;

/** The number of "good" observations among n. */
export function goodCount(gamma: 'auto' | number, n: number): number {
  const raw = gamma === 'auto' ? Math.min(Math.ceil(0.1 * n), 25) : Math.ceil(gamma * n);
  return Math.min(n - 1, Math.max(1, raw));
}

/**
 * Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio & Kégl 2011). After
 * `startupTrials` prior draws, observations are split into the best gamma(n) and the rest; l(x) and
 * g(x) are fitted on each, `candidates` configurations are drawn from l and the one maximising
 * l(x)/g(x) is proposed, at the highest fidelity. Failed and diverged trials are ignored (they tell
 * nothing about where the good region is). Trial t draws from the stream `(seed, 'tpe', t)`.
 *
 * With `avoidDuplicates` (the default), a configuration already asked is never proposed again: on a
 * discrete space with deterministic evaluations (tabular NAS benchmarks) TPE otherwise feeds its own
 * best point back into l(x) and spends most of its budget re-evaluating it (measured on NAS-Bench-201:
 * about 18 distinct cells in 200 trials). When every candidate was seen, prior draws are tried; when those
 * are seen too (a nearly exhausted space), the best candidate is proposed anyway.
 */
export class TreeParzenEstimator implements Optimizer {
  readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly root: Rng;
  private readonly fidelity: Configuration;
  private readonly codec: UnitCodec;
  private store: ObservationRows;
  private next = 0;
  private readonly asked = new Set<string>();

  constructor(
    private readonly options: TpeOptions,
    private readonly context: OptimizerContext,
  ) {
    this.root = Rng.seeded(context.seed);
    this.fidelity = context.fidelitySpace.defaultConfiguration();
    this.codec = new UnitCodec(context.space);
    this.store = this.newStore();
  }

  private newStore(): ObservationRows {
    // The product kernel needs complete rows: inactive entries get prior draws addressed by trial id.
    const impute = this.options.multivariate
      ? (rows: Float64Array, offset: number, id: number) => imputeRow(this.codec, rows, offset, this.root.stream('impute', id))
      : undefined;
    return new ObservationRows(this.codec, impute);
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    for (let i = 0; i < n; i++) {
      const id = this.next++;
      const config = this.propose(this.root.stream('tpe', id));
      if (this.options.avoidDuplicates) this.asked.add(this.key(config));
      trials.push({ id, config, fidelity: this.fidelity });
    }
    return trials;
  }

  private propose(rng: Rng): Configuration {
    const size = this.store.size;
    if (size < Math.max(2, this.options.startupTrials)) return this.fresh(rng);
    const nGood = goodCount(this.options.gamma, size);
    const exclude = this.options.avoidDuplicates ? (config: Configuration) => this.asked.has(this.key(config)) : undefined;
    return proposeByDensityRatio(this.store, nGood, size - nGood, rng, { ...this.options, ...(exclude ? { exclude } : {}) }) ?? this.fresh(rng);
  }

  /** A prior draw, unseen when `avoidDuplicates` and one can be found in a few attempts. */
  private fresh(rng: Rng): Configuration {
    let config = this.context.space.sample(rng);
    for (let i = 1; i < FRESH_ATTEMPTS && this.options.avoidDuplicates && this.asked.has(this.key(config)); i++) config = this.context.space.sample(rng);
    return config;
  }

  private key(config: Configuration): string {
    return configKey(this.context.space, config);
  }

  tell(observations: readonly Observation[]): void {
    for (const o of observations) {
      if (o.status !== 'ok') continue;
      this.store.add(o.trial.id, o.trial.config, o.values[0] as number);
    }
  }

  state(): JsonValue {
    const { store } = this;
    const observations = store.ids.map((id, i) => [id, store.configs[i] as Configuration, store.values[i] as number]);
    return { kind: 'tpe', next: this.next, observations, asked: [...this.asked] } as unknown as JsonValue;
  }

  restore(state: JsonValue): void {
    const saved = readState<TpeState>(state, 'tpe');
    this.next = saved.next;
    this.store = this.newStore();
    for (const [id, config, value] of saved.observations) this.store.add(id, config, value);
    this.asked.clear();
    for (const k of saved.asked ?? []) this.asked.add(k);
  }
}
