import type { Rng } from '@jahskit/core';

/**
 * A fully connected regression network with ReLU hidden layers and one linear output, its
 * parameters packed in one Float64Array (per layer: weights out x in row-major, then biases), so
 * that training and Adam's moment estimates are flat loops.
 */
export class Mlp {
  readonly sizes: readonly number[];
  readonly parameters: Float64Array;
  /** Start of each layer's weights in `parameters`; its biases follow the weights. */
  private readonly offsets: number[];

  constructor(inputWidth: number, hidden: readonly number[], rng: Rng, parameters?: Float64Array) {
    this.sizes = [inputWidth, ...hidden, 1];
    this.offsets = [];
    let size = 0;
    for (let l = 0; l + 1 < this.sizes.length; l++) {
      this.offsets.push(size);
      size += (this.sizes[l + 1] as number) * ((this.sizes[l] as number) + 1);
    }
    if (parameters !== undefined) {
      this.parameters = parameters;
      return;
    }
    this.parameters = new Float64Array(size);
    // He-uniform weights (suited to ReLU), zero biases.
    for (let l = 0; l + 1 < this.sizes.length; l++) {
      const fanIn = Math.max(1, this.sizes[l] as number);
      const bound = Math.sqrt(6 / fanIn);
      const start = this.offsets[l] as number;
      const count = (this.sizes[l + 1] as number) * fanIn;
      for (let i = 0; i < count; i++) this.parameters[start + i] = rng.uniformIn(-bound, bound);
    }
  }

  /** Predictions for m rows (row-major m x inputWidth). */
  predict(x: Float64Array, m: number): Float64Array {
    const out = new Float64Array(m);
    const widest = Math.max(...this.sizes);
    let a = new Float64Array(widest);
    let b = new Float64Array(widest);
    const d = this.sizes[0] as number;
    for (let r = 0; r < m; r++) {
      a.set(x.subarray(r * d, r * d + d));
      for (let l = 0; l + 1 < this.sizes.length; l++) {
        this.layer(l, a, 0, b, 0, l + 2 < this.sizes.length);
        [a, b] = [b, a];
      }
      out[r] = a[0] as number;
    }
    return out;
  }

  /**
   * Mini-batch Adam on the mean squared error: `steps` updates with batches of `batchSize` rows
   * drawn with replacement by `rng`. Continues from the current parameters (warm start allowed).
   */
  train(x: Float64Array, y: Float64Array, n: number, rng: Rng, options: { steps: number; batchSize: number; learningRate: number; weightDecay: number }): void {
    const sizes = this.sizes;
    const layers = sizes.length - 1;
    const p = this.parameters;
    const gradient = new Float64Array(p.length);
    const m1 = new Float64Array(p.length);
    const m2 = new Float64Array(p.length);
    const batch = Math.min(options.batchSize, n);
    // Activations per layer for the batch (layer 0 = inputs), and the back-propagated errors.
    const acts = sizes.map((s) => new Float64Array(batch * s));
    const deltas = sizes.map((s) => new Float64Array(batch * s));
    const rows = new Int32Array(batch);
    const d = sizes[0] as number;
    for (let t = 1; t <= options.steps; t++) {
      for (let b = 0; b < batch; b++) rows[b] = batch === n ? b : rng.index(n);
      const input = acts[0] as Float64Array;
      for (let b = 0; b < batch; b++) input.set(x.subarray((rows[b] as number) * d, (rows[b] as number) * d + d), b * d);
      for (let l = 0; l < layers; l++) {
        const inW = sizes[l] as number;
        const outW = sizes[l + 1] as number;
        for (let b = 0; b < batch; b++) this.layer(l, acts[l] as Float64Array, b * inW, acts[l + 1] as Float64Array, b * outW, l + 1 < layers);
      }
      // d MSE / d output = 2 (pred - y) / batch.
      const out = acts[layers] as Float64Array;
      const top = deltas[layers] as Float64Array;
      for (let b = 0; b < batch; b++) top[b] = (2 * ((out[b] as number) - (y[rows[b] as number] as number))) / batch;
      gradient.fill(0);
      for (let l = layers - 1; l >= 0; l--) {
        const inW = sizes[l] as number;
        const outW = sizes[l + 1] as number;
        const w0 = this.offsets[l] as number;
        const bias0 = w0 + outW * inW;
        const below = acts[l] as Float64Array;
        const delta = deltas[l + 1] as Float64Array;
        const deltaBelow = deltas[l] as Float64Array;
        if (l > 0) deltaBelow.fill(0);
        for (let b = 0; b < batch; b++) {
          for (let o = 0; o < outW; o++) {
            const e = delta[b * outW + o] as number;
            if (e === 0) continue;
            gradient[bias0 + o] = (gradient[bias0 + o] as number) + e;
            const row = w0 + o * inW;
            for (let i = 0; i < inW; i++) {
              gradient[row + i] = (gradient[row + i] as number) + e * (below[b * inW + i] as number);
              if (l > 0) deltaBelow[b * inW + i] = (deltaBelow[b * inW + i] as number) + e * (p[row + i] as number);
            }
          }
        }
        // ReLU derivative of the layer below.
        if (l > 0) for (let k = 0; k < batch * inW; k++) if (!((below[k] as number) > 0)) deltaBelow[k] = 0;
      }
      const c1 = 1 / (1 - 0.9 ** t);
      const c2 = 1 / (1 - 0.999 ** t);
      const rate = options.learningRate;
      const decay = options.weightDecay;
      for (let k = 0; k < p.length; k++) {
        const g = (gradient[k] as number) + decay * (p[k] as number);
        const a = 0.9 * (m1[k] as number) + 0.1 * g;
        const v = 0.999 * (m2[k] as number) + 0.001 * g * g;
        m1[k] = a;
        m2[k] = v;
        p[k] = (p[k] as number) - (rate * a * c1) / (Math.sqrt(v * c2) + 1e-8);
      }
    }
  }

  private layer(l: number, input: Float64Array, inAt: number, output: Float64Array, outAt: number, relu: boolean): void {
    const inW = this.sizes[l] as number;
    const outW = this.sizes[l + 1] as number;
    const p = this.parameters;
    const w0 = this.offsets[l] as number;
    const bias0 = w0 + outW * inW;
    for (let o = 0; o < outW; o++) {
      let s = p[bias0 + o] as number;
      const row = w0 + o * inW;
      for (let i = 0; i < inW; i++) {
        const v = input[inAt + i] as number;
        if (v !== 0) s += (p[row + i] as number) * v;
      }
      output[outAt + o] = relu && s < 0 ? 0 : s;
    }
  }
}
