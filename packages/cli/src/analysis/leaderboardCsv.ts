import type { GridAnalysis } from './GridAnalysis';

/** Every leaderboard row as CSV (full precision), for spreadsheets and plotting scripts. */
export function leaderboardCsv(analysis: GridAnalysis): string {
  const lines = ['setting,task,optimizer,metric,mean,sem,n,average_rank'];
  for (const board of analysis.leaderboards) {
    for (const row of board.rows) {
      lines.push(
        [board.setting, board.task, row.optimizer, board.metric.name, row.value.mean, row.value.sem, row.value.n, row.averageRank].map(csvField).join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
