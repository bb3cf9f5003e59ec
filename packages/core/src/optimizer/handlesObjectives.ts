import type { OptimizerCapabilities } from './Optimizer';

/** Whether an optimizer with these capabilities can work on a task with `m` objectives. */
export function handlesObjectives(capabilities: Pick<OptimizerCapabilities, 'objectives'>, m: number): boolean {
  const wants = capabilities.objectives;
  return wants === 'any' ? m >= 1 : wants === 'single' ? m === 1 : m >= 2;
}
