import { CliError } from '../commandLineError';
import type { RunEnd, RunHeader } from '../compare/RunHeader';
import { readRunFile } from '../compare/RunFile';
import type { RecordLine, RunResult } from './RunResult';

/**
 * A finished run read from its file; undefined when the file is missing or the run unfinished. The
 * file's checksums are verified (see readRunFile): an edited result never reaches an analysis.
 */
export function readRunResult(path: string): RunResult | undefined {
  const { lines, finished } = readRunFile(path, 'results-dir');
  if (!finished) return undefined;
  try {
    const header = (JSON.parse(lines[0] as string) as { run: RunHeader }).run;
    const records = lines.slice(1, -1).map((l) => JSON.parse(l) as RecordLine);
    const end = (JSON.parse(lines.at(-1) as string) as { end: RunEnd }).end;
    if (header === undefined || end === undefined) throw new Error('no header');
    return { header, records, end };
  } catch {
    throw new CliError('input', `${path} is not a jahskit run file`, { parameter: 'results-dir' });
  }
}
