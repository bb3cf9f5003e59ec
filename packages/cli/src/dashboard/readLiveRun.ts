import { existsSync } from 'node:fs';
import { runFileLines } from '../compare/RunFile';
import type { LiveRun } from './LiveRun';
import { liveRunOfLines } from './liveRunOfLines';

/**
 * What a run file holds so far, finished or not; undefined while it has no header line. The file's
 * checksums are verified line by line (see runFileLines), and a torn last line (being written right
 * now) is left for the next read, so a dashboard never shows an edited or half-written result.
 */
export function readLiveRun(path: string): LiveRun | undefined {
  if (!existsSync(path)) return undefined;
  return liveRunOfLines(runFileLines(path, 'results-dir'), path, 'results-dir');
}
