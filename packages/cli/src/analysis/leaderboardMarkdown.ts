import { feasibilityNote } from './feasibilityNote';
import { formatMeanSem } from './formatMeanSem';
import { rankOrderNote } from './rankOrderNote';
import { formatNumber } from './formatNumber';
import type { GridAnalysis } from './GridAnalysis';

/**
 * The grid's tables in Markdown: per task the final values (mean ± SEM over seeds, average rank,
 * the protocol's extras), then one leaderboard per setting and task, then the overall ranks.
 */
export function leaderboardMarkdown(analysis: GridAnalysis): string {
  const out: string[] = [`# ${analysis.title}`, ''];
  for (const task of analysis.tasks) {
    const extras = [...new Set(task.final.flatMap((r) => Object.keys(r.extras)))];
    out.push(`## ${task.title} (\`${task.task}\`, ${task.seeds} seeds)`, '');
    out.push(`| optimizer | setting | ${task.metric.label} (${task.metric.better} is better) | average rank |${extras.map((e) => ` ${e} |`).join('')}`);
    out.push(`|---|---|---|---|${extras.map(() => '---|').join('')}`);
    for (const row of task.final) {
      out.push(
        `| ${row.optimizer} | ${row.setting} | ${formatMeanSem(row.value)} | ${formatNumber(row.averageRank)} |${extras.map((e) => ` ${row.extras[e] ? formatMeanSem(row.extras[e]) : 'n/a'} |`).join('')}`,
      );
    }
    out.push('');
    const note = feasibilityNote(task);
    if (note !== undefined) out.push(note, '');
    if (task.reference !== undefined) out.push(...referenceTable(task.reference), '');
  }
  out.push('## Leaderboards by setting', '');
  for (const board of analysis.leaderboards) {
    out.push(`### ${board.setting}: \`${board.task}\``, '', `| # | optimizer | ${board.metric.label} | average rank |`, '|---|---|---|---|');
    board.rows.forEach((row, i) => out.push(`| ${i + 1} | ${row.optimizer} | ${formatMeanSem(row.value)} | ${formatNumber(row.averageRank)} |`));
    out.push('');
    const note = rankOrderNote(board);
    if (note !== undefined) out.push(note, '');
  }
  if (analysis.tasks.length > 1) {
    out.push('## Average rank over all tasks', '', '| optimizer | average rank |', '|---|---|');
    for (const row of analysis.overallRanks) out.push(`| ${row.optimizer} | ${formatNumber(row.averageRank)} |`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * Published values beside jahskit's: the source's mean ± std over its runs, jahskit's mean ± SEM
 * over seeds (and the std, comparable with the source's), the difference and the difference in
 * standard errors.
 */
function referenceTable(reference: NonNullable<GridAnalysis['tasks'][number]['reference']>): string[] {
  const out = [`### Beside the published values: ${reference.source}`, ''];
  out.push(
    '| metric | optimizer | published (mean ± std, runs) | jahskit (mean ± SEM, seeds) | jahskit std | difference | difference / SE |',
    '|---|---|---|---|---|---|---|',
  );
  for (const row of reference.rows) {
    const { published, measured } = row;
    out.push(
      `| ${row.metric} | ${row.optimizer} | ${formatNumber(published.mean)} ± ${formatNumber(published.std)} (${published.runs}) | ${formatMeanSem(measured)} (${measured.n}) | ${formatNumber(measured.sem * Math.sqrt(measured.n))} | ${formatNumber(row.difference, 2)} | ${formatNumber(row.standardErrors, 2)} |`,
    );
  }
  return out;
}
