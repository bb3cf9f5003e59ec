import type { Rng } from '@jahskit/core';
import { Mlp } from './Mlp';
import { standardise } from '../standardise';

export interface MlpEnsembleOptions {
  /** Independently initialised networks (default 5, as in BANANAS). */
  readonly members?: number;
  /** Hidden layer widths (default [20, 20, 20]). */
  readonly hidden?: readonly number[];
  /** Adam updates per member (default 150). */
  readonly steps?: number;
  /** Rows per update, drawn with replacement (default 32; all rows when fewer). */
  readonly batchSize?: number;
  /** Adam step size (default 0.01). */
  readonly learningRate?: number;
  /** L2 penalty added to the gradient (default 1e-4). */
  readonly weightDecay?: number;
}

/**
 * An ensemble of small ReLU networks trained on the same data from different random initialisations
 * and batch orders (deep ensembles, Lakshminarayanan et al. 2017, as BANANAS uses them): the spread
 * of the members' predictions is the uncertainty. Targets are standardised for training and
 * predictions mapped back. Cost of `fit`: members x steps x batchSize x (forward + backward).
 *
 * Example: `const ens = MlpEnsemble.fit(X, n, d, y, rng); const perMember = ens.predict(Xc, m);`
 */
export class MlpEnsemble {
  private constructor(
    private readonly networks: readonly Mlp[],
    readonly d: number,
    readonly yMean: number,
    readonly yScale: number,
  ) {}

  get members(): number {
    return this.networks.length;
  }

  /** Trains a new ensemble on n rows of X (row-major n x d) with targets y; member k uses `rng.stream('member', k)`. */
  static fit(x: Float64Array, n: number, d: number, y: ArrayLike<number>, rng: Rng, options: MlpEnsembleOptions = {}): MlpEnsemble {
    const { mean, scale, z } = standardise(y, n);
    const networks: Mlp[] = [];
    const members = options.members ?? 5;
    for (let k = 0; k < members; k++) {
      const stream = rng.stream('member', k);
      const net = new Mlp(d, options.hidden ?? [20, 20, 20], stream);
      if (n > 0) {
        net.train(x, z, n, stream, {
          steps: options.steps ?? 150,
          batchSize: options.batchSize ?? 32,
          learningRate: options.learningRate ?? 0.01,
          weightDecay: options.weightDecay ?? 1e-4,
        });
      }
      networks.push(net);
    }
    return new MlpEnsemble(networks, d, mean, scale);
  }

  /** Each member's predictions (in the targets' units) for m rows: `result[k][r]`. */
  predict(x: Float64Array, m: number): Float64Array[] {
    return this.networks.map((net) => {
      const out = net.predict(x, m);
      for (let r = 0; r < m; r++) out[r] = this.yMean + this.yScale * (out[r] as number);
      return out;
    });
  }

  /** Mean and (population) standard deviation across members for m rows. */
  predictMeanSd(x: Float64Array, m: number): { mean: Float64Array; sd: Float64Array } {
    const all = this.predict(x, m);
    const mean = new Float64Array(m);
    const sd = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      let s = 0;
      for (const p of all) s += p[r] as number;
      const mu = s / all.length;
      let v = 0;
      for (const p of all) v += ((p[r] as number) - mu) ** 2;
      mean[r] = mu;
      sd[r] = Math.sqrt(v / all.length);
    }
    return { mean, sd };
  }
}
