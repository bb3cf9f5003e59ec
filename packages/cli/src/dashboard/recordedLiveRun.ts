import { LineChain } from '@jahskit/core';
import { CliError } from '../commandLineError';
import type { LiveRun } from './LiveRun';
import { liveRunOfLines } from './liveRunOfLines';

/**
 * A run of a distributed grid from the run file a worker recorded in the storage: checked line by
 * line as a file on disk is (see runFileLines), so an edited record is an error, never a result.
 */
export function recordedLiveRun(content: string, where: string): LiveRun | undefined {
  const chain = new LineChain();
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const opened = lines.map((line, i) => {
    const text = chain.open(line);
    if (text === 'unsealed' || text === 'mismatch') {
      throw new CliError(
        'input',
        `${where}: line ${i + 1} ${text === 'mismatch' ? 'was changed after it was written (checksum mismatch)' : 'carries no checksum'}`,
        { parameter: 'storage' },
      );
    }
    return text;
  });
  return liveRunOfLines(opened, where, 'storage');
}
