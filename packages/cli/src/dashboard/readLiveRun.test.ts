import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineChain } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { readLiveRun } from './readLiveRun';

/** Lines sealed with their checksums, as RunFileWriter writes them. */
function sealed(lines: readonly object[]): string {
  const chain = new LineChain();
  return lines.map((line) => `${chain.seal(JSON.stringify(line))}\n`).join('');
}

const header = { run: { task: 't', optimizer: 'rs', seed: 0 } };
const trial = (i: number): object => ({ trial: i, config: {}, fidelity: {}, status: 'ok', objectives: { loss: i }, metrics: {}, cost: 1, end: i + 0.5 });

describe('readLiveRun', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jahskit-live-run-'));

  test('a run being written: its trials so far, no end, and a torn last line left for the next read', () => {
    const path = join(dir, 'running.jsonl');
    const text = sealed([header, trial(0), trial(1), trial(2)]);
    writeFileSync(path, text.slice(0, text.length - 20));
    const run = readLiveRun(path)!;
    expect(run.header).toEqual(header.run);
    // A record's own `end` (when its trial finished) is not the run's end line.
    expect(run.records.map((r) => r.trial)).toEqual([0, 1]);
    expect(run.end).toBeUndefined();
  });

  test('a finished run has its end', () => {
    const path = join(dir, 'done.jsonl');
    writeFileSync(path, sealed([header, trial(0), { end: { stopReason: 'evaluations', simulatedSeconds: 1, trials: 1, setting: 'black-box' } }]));
    expect(readLiveRun(path)).toMatchObject({ records: [{ trial: 0 }], end: { stopReason: 'evaluations' } });
  });

  test('no file or no header yet: undefined', () => {
    expect(readLiveRun(join(dir, 'missing.jsonl'))).toBeUndefined();
    const path = join(dir, 'empty.jsonl');
    writeFileSync(path, '{"run":');
    expect(readLiveRun(path)).toBeUndefined();
  });

  test('an edited line, or a file that is no run file, is an input error naming the file', () => {
    const edited = join(dir, 'edited.jsonl');
    writeFileSync(edited, sealed([header, trial(0), trial(1)]).replace('"loss":1', '"loss":0'));
    expect(() => readLiveRun(edited)).toThrow(/edited\.jsonl: line 3 was changed after it was written/);
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, sealed([{ something: 'else' }]));
    expect(() => readLiveRun(other)).toThrow(/other\.jsonl is not a jahskit run file \(its first line is no run header\)/);
    expect(readFileSync(edited, 'utf8')).toContain('"loss":0');
  });
});
