import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeGrid } from '../analysis/analyzeGrid';
import type { GridAnalysis } from '../analysis/GridAnalysis';
import { leaderboardCsv } from '../analysis/leaderboardCsv';
import { leaderboardMarkdown } from '../analysis/leaderboardMarkdown';
import { CliError } from '../commandLineError';
import { MANIFEST_FILE, manifestSeeds, readManifest } from './GridManifest';
import { readRunFolder } from './readRunFolder';
import { readGridResults } from './readGridResults';

/**
 * Analyses a results folder and writes analysis.json, leaderboard.md and leaderboard.csv beside the
 * runs (derived files: rewritten every time, unlike the results).
 */
export async function writeAnalysis(out: string): Promise<{ analysis: GridAnalysis; unfinished: readonly string[]; markdown: string }> {
  // A grid's folder, or a folder of `jahskit run` results.
  const grid = existsSync(join(out, MANIFEST_FILE)) || !holdsRunFiles(out);
  const manifest = grid ? readManifest(out) : undefined;
  const { runs, unfinished } = manifest !== undefined ? readGridResults(out, manifest) : readRunFolder(out);
  if (runs.length === 0) throw new CliError('input', `${out} holds no finished run yet`, { parameter: 'results-dir' });
  const analysis = analyzeGrid(
    runs,
    manifest !== undefined ? `${manifest.optimizers.length} optimizers x ${manifest.tasks.length} tasks x ${manifestSeeds(manifest).length} seeds` : '',
  );
  const markdown = leaderboardMarkdown(analysis);
  await writeFile(join(out, 'analysis.json'), `${JSON.stringify(analysis, null, 1)}\n`);
  await writeFile(join(out, 'leaderboard.md'), markdown);
  await writeFile(join(out, 'leaderboard.csv'), leaderboardCsv(analysis));
  return { analysis, unfinished, markdown };
}

/** Whether `dir` is a folder holding run files; anything unreadable is left to readManifest to name. */
function holdsRunFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith('.jsonl') && !name.endsWith('.timing.jsonl'));
  } catch {
    return false;
  }
}
