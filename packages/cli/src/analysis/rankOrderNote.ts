import { formatMeanSem } from './formatMeanSem';
import type { Leaderboard } from './GridAnalysis';

/**
 * Why a leaderboard's order can differ from its means: rows are ordered by average rank (each seed
 * ranks the optimizers, and the ranks are averaged), which a few seeds with extreme values do not
 * move the way they move a mean. Undefined when the means agree with the order; otherwise one
 * sentence naming the pairs that disagree (at most three).
 */
export function rankOrderNote(board: Leaderboard): string | undefined {
  const better = (a: number, b: number): boolean => (board.metric.better === 'lower' ? a < b : a > b);
  const pairs: string[] = [];
  board.rows.forEach((ahead, i) => {
    for (const behind of board.rows.slice(i + 1)) {
      if (ahead.value.n > 0 && behind.value.n > 0 && better(behind.value.mean, ahead.value.mean)) {
        pairs.push(
          `${behind.optimizer} has the better mean (${formatMeanSem(behind.value)} against ${formatMeanSem(ahead.value)}) but ${ahead.optimizer} ranks ahead on average`,
        );
      }
    }
  });
  if (pairs.length === 0) return undefined;
  const shown = pairs.slice(0, 3).join('; ') + (pairs.length > 3 ? `; and ${pairs.length - 3} more` : '');
  return `Ordered by average rank over seeds, not by mean: ${shown}.`;
}
