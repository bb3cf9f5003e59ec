import type { Configuration } from '@jahskit/core';

/** Minibatches per epoch: 50,000 CIFAR-10 training images in minibatches of 256. */
const JAHS_STEPS_PER_EPOCH = 196;

/** A training step (forward and backward pass) taken as three forward passes. */
const JAHS_STEP_PER_FORWARD = 3;

const N_VALUES = [1, 3, 5];
const W_VALUES = [4, 8, 16];
const R_VALUES = [0.25, 0.5, 1.0];

/**
 * Median predicted `latency` (seconds per minibatch) and `size_MB` of this surrogate over 3,000
 * uniformly drawn configurations at epoch 200, per (N, W, Resolution) cell, indexed
 * (iN * 3 + iW) * 3 + iR. Measured once with onnxruntime 1.30 (see docs/benchmarks/jahs.md);
 * each table increases in N, W and Resolution.
 */
const MEDIAN_LATENCY = [
  0.01243, 0.03439, 0.1337, 0.02235, 0.06845, 0.2099, 0.03505, 0.1246, 0.4499, 0.03332, 0.1008, 0.3063, 0.05121, 0.1853, 0.53, 0.09263, 0.3452, 1.137, 0.05548,
  0.1686, 0.4814, 0.08209, 0.2686, 0.9573, 0.1374, 0.4919, 1.807,
];
const MEDIAN_SIZE_MB = [
  0.008631, 0.008394, 0.008394, 0.0325, 0.03335, 0.03371, 0.1277, 0.1321, 0.1282, 0.01542, 0.0165, 0.01549, 0.06423, 0.06382, 0.06387, 0.2527, 0.2363, 0.2369,
  0.02412, 0.02245, 0.02225, 0.08715, 0.1013, 0.09465, 0.345, 0.3709, 0.3447,
];

/**
 * The simulated training seconds of a JAHS query. The surrogate predicts no training time, and its
 * `latency` output varies (noisily, even in sign) with the epoch, so it cannot be charged per epoch
 * without making continuation inconsistent. This is a model, not a measurement:
 *
 *   cost = epoch x 196 steps x 3 x L(N, W, Resolution) x (1/2 + 1/2 x max(size_MB, 0) / S(N, W, Resolution))
 *
 * where L and S are the surrogate's median latency and size in that fidelity cell and size_MB is the
 * surrogate's (epoch-independent) size of this architecture. It is linear in epochs (so continuing
 * from e1 to e2 costs cost(e2) - cost(e1) exactly) and increases with N, W, Resolution and model size.
 */
export function jahsCost(sizeMB: number, fidelity: Configuration): number {
  const cell =
    (N_VALUES.indexOf(fidelity['N'] as number) * 3 + W_VALUES.indexOf(fidelity['W'] as number)) * 3 + R_VALUES.indexOf(fidelity['Resolution'] as number);
  const latency = MEDIAN_LATENCY[cell]!;
  const size = MEDIAN_SIZE_MB[cell]!;
  const scale = 0.5 + (0.5 * (sizeMB > 0 ? sizeMB : 0)) / size;
  return (fidelity['epoch'] as number) * JAHS_STEPS_PER_EPOCH * JAHS_STEP_PER_FORWARD * latency * scale;
}
