import { existsSync, readFileSync } from 'node:fs';
import { CliError } from '../commandLineError';
import type { RunEnd, RunHeader } from '../compare/RunHeader';
import type { RecordLine, RunResult } from './RunResult';

/** A finished run read from its file; undefined when the file is missing or the run unfinished. */
export function readRunResult(path: string): RunResult | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter((l) => l.length > 0);
  const last = lines.at(-1);
  if (last === undefined || !last.startsWith('{"end":')) return undefined;
  try {
    const header = (JSON.parse(lines[0] as string) as { run: RunHeader }).run;
    const records = lines.slice(1, -1).map((l) => JSON.parse(l) as RecordLine);
    const end = (JSON.parse(last) as { end: RunEnd }).end;
    if (header === undefined || end === undefined) throw new Error('no header');
    return { header, records, end };
  } catch {
    throw new CliError('input', `${path} is not a jahskit run file`, { parameter: 'results-dir' });
  }
}
