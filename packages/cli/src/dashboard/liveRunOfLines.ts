import type { RecordLine } from '../analysis/RunResult';
import { CliError } from '../commandLineError';
import type { RunEnd, RunHeader } from '../compare/RunHeader';
import type { LiveRun } from './LiveRun';

/**
 * A run from the verified contents of its lines (header, records, maybe the end); undefined while
 * there is no line. `where` names the run in errors, `parameter` the option that named it.
 */
export function liveRunOfLines(lines: Iterable<string>, where: string, parameter: string): LiveRun | undefined {
  let header: RunHeader | undefined;
  let end: RunEnd | undefined;
  const records: RecordLine[] = [];
  for (const line of lines) {
    let parsed: { run?: RunHeader; end?: RunEnd | number };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      throw new CliError('input', `${where} is not a jahskit run file`, { parameter });
    }
    if (header === undefined) {
      if (parsed.run === undefined) throw new CliError('input', `${where} is not a jahskit run file (its first line is no run header)`, { parameter });
      header = parsed.run;
    } else if (typeof parsed.end === 'object' && parsed.end !== null) {
      // The end line; a record's `end` is the number of seconds when its trial finished.
      end = parsed.end;
    } else records.push(parsed as unknown as RecordLine);
  }
  if (header === undefined) return undefined;
  return { header, records, ...(end !== undefined ? { end } : {}) };
}
