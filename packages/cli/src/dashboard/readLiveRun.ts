import { existsSync } from 'node:fs';
import type { RecordLine } from '../analysis/RunResult';
import { CliError } from '../commandLineError';
import type { RunEnd, RunHeader } from '../compare/RunHeader';
import { runFileLines } from '../compare/RunFile';
import type { LiveRun } from './LiveRun';

/**
 * What a run file holds so far, finished or not; undefined while it has no header line. The file's
 * checksums are verified line by line (see runFileLines), and a torn last line (being written right
 * now) is left for the next read, so a dashboard never shows an edited or half-written result.
 */
export function readLiveRun(path: string): LiveRun | undefined {
  if (!existsSync(path)) return undefined;
  let header: RunHeader | undefined;
  let end: RunEnd | undefined;
  const records: RecordLine[] = [];
  for (const line of runFileLines(path, 'results-dir')) {
    let parsed: { run?: RunHeader; end?: RunEnd | number };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      throw new CliError('input', `${path} is not a jahskit run file`, { parameter: 'results-dir' });
    }
    if (header === undefined) {
      if (parsed.run === undefined)
        throw new CliError('input', `${path} is not a jahskit run file (its first line is no run header)`, { parameter: 'results-dir' });
      header = parsed.run;
    } else if (typeof parsed.end === 'object' && parsed.end !== null) {
      // The end line; a record's `end` is the number of seconds when its trial finished.
      end = parsed.end;
    } else records.push(parsed as unknown as RecordLine);
  }
  if (header === undefined) return undefined;
  return { header, records, ...(end !== undefined ? { end } : {}) };
}
