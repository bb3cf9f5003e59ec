import { Rng, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerContext, type Trial } from '@jahskit/core';
import { imputeRow } from '../internal/kde/MultivariateKde';
import { ObservationRows } from '../internal/kde/ObservationRows';
import { proposeByDensityRatio } from '../internal/kde/proposeByDensityRatio';
import { UnitCodec } from '../internal/kde/UnitCodec';
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
}

interface TpeState {
  readonly next: number;
  readonly observations: readonly (readonly [number, Configuration, number])[];
}

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
 */
export class TreeParzenEstimator implements Optimizer {
  readonly capabilities = { objectives: 'single', multiFidelity: false, asynchronous: true } as const;
  private readonly root: Rng;
  private readonly fidelity: Configuration;
  private readonly codec: UnitCodec;
  private store: ObservationRows;
  private next = 0;

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
      trials.push({ id, config: this.propose(this.root.stream('tpe', id)), fidelity: this.fidelity });
    }
    return trials;
  }

  private propose(rng: Rng): Configuration {
    const size = this.store.size;
    if (size < Math.max(2, this.options.startupTrials)) return this.context.space.sample(rng);
    const nGood = goodCount(this.options.gamma, size);
    return proposeByDensityRatio(this.store, nGood, size - nGood, rng, this.options) ?? this.context.space.sample(rng);
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
    return { kind: 'tpe', next: this.next, observations } as unknown as JsonValue;
  }

  restore(state: JsonValue): void {
    const saved = readState<TpeState>(state, 'tpe');
    this.next = saved.next;
    this.store = this.newStore();
    for (const [id, config, value] of saved.observations) this.store.add(id, config, value);
  }
}
