import type { Optimizer } from '@jahskit/core';
import { expect } from 'vitest';

/**
 * For the multi-objective bracket optimizers on a two-objective task with an `epoch` fidelity: a first
 * batch of 100 new trials, told made-up results, is followed by promotions only, each continuing an
 * earlier trial at a higher epoch.
 */
export function expectPromotionsContinue(optimizer: Optimizer): void {
  const trials = optimizer.ask(100);
  expect(trials.every((t) => t.continues === undefined)).toBe(true);
  optimizer.tell(trials.map((trial, i) => ({ trial, status: 'ok' as const, values: [i % 7, 7 - (i % 7) + i / 100], metrics: {}, cost: 1, constraints: [] })));
  const next = optimizer.ask(100);
  expect(next.length).toBeGreaterThan(0);
  expect(next.every((t) => t.continues !== undefined && (t.fidelity['epoch'] as number) > (trials[0]!.fidelity['epoch'] as number))).toBe(true);
}
