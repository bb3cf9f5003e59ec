import type { TaskAnalysis } from './GridAnalysis';

/**
 * What a constrained or derived-objective task's numbers mean, in one sentence for the leaderboard
 * and the report: the expressions, and how many runs of each optimizer found no feasible trial
 * (those have no value: they are left out of the means and rank after every run that found one).
 * Undefined for a plain task.
 */
export function feasibilityNote(task: Pick<TaskAnalysis, 'constraints' | 'objectiveExpressions' | 'final'>): string | undefined {
  const parts: string[] = [];
  if (task.objectiveExpressions !== undefined && task.objectiveExpressions.length > 0) {
    parts.push(`Objectives derived as ${task.objectiveExpressions.map((e) => `\`${e}\``).join(', ')}.`);
  }
  const constraints = task.constraints ?? [];
  if (constraints.length > 0) {
    parts.push(`Subject to ${constraints.map((c) => `\`${c}\``).join(' and ')}: only trials that satisfy every constraint count.`);
    const without = task.final.filter((row) => (row.runsWithoutFeasible ?? 0) > 0);
    if (without.length === 0) {
      parts.push('Every run found a feasible trial.');
    } else {
      const runs = (row: (typeof without)[number]): number => row.value.n + (row.runsWithoutFeasible ?? 0);
      const total = without.reduce((sum, row) => sum + (row.runsWithoutFeasible ?? 0), 0);
      parts.push(
        `${total} run${total === 1 ? '' : 's'} found no feasible trial (${without.map((row) => `${row.optimizer}: ${row.runsWithoutFeasible} of ${runs(row)}`).join(', ')}): left out of the means, ranked after every run that found one.`,
      );
    }
  }
  return parts.length === 0 ? undefined : parts.join(' ');
}
