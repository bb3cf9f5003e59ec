import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CliError } from '../commandLineError';
import { readRunFile, RunFileWriter } from './RunFile';

const lines = ['{"run":{"task":"t"}}', '{"trial":0}', '{"trial":1}', '{"end":{"trials":2}}'];
const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'jahskit-runfile-')), 'seed0.jsonl');

function writeAll(path: string, flushEvery = 2): void {
  const writer = new RunFileWriter(path, readRunFile(path), flushEvery);
  for (const line of lines) writer.write(line);
  writer.finish();
}

describe('RunFile', () => {
  test('a missing file is an empty, unfinished run', () => {
    expect(readRunFile(fresh())).toEqual({ lines: [], validBytes: 0, partial: false, finished: false });
  });

  test('writes every line and recognises the finished run', () => {
    const path = fresh();
    writeAll(path);
    expect(readFileSync(path, 'utf8')).toBe(`${lines.join('\n')}\n`);
    expect(readRunFile(path).finished).toBe(true);
  });

  const complete = `${lines.join('\n')}\n`;
  test.prop([fc.integer({ min: 0, max: complete.length - 1 }), fc.integer({ min: 1, max: 5 })])(
    'resuming after a kill at any byte gives the uninterrupted file',
    (cut, flushEvery) => {
      const path = fresh();
      writeFileSync(path, complete.slice(0, cut));
      const state = readRunFile(path);
      expect(state.finished).toBe(false);
      expect(state.partial).toBe(cut > 0 && !complete.slice(0, cut).endsWith('\n'));
      writeAll(path, flushEvery);
      expect(readFileSync(path, 'utf8')).toBe(complete);
    },
  );

  test('a recorded line that the rerun does not reproduce is kept and reported', () => {
    const path = fresh();
    const recorded = '{"run":{"task":"t"}}\n{"trial":0,"other":true}\n';
    writeFileSync(path, recorded);
    const writer = new RunFileWriter(path, readRunFile(path));
    writer.write(lines[0]!);
    expect(() => writer.write(lines[1]!)).toThrow(/line 2 on disk differs from the rerun/);
    expect(readFileSync(path, 'utf8')).toBe(recorded);
  });

  test('an unparsable line before the last one is an error, not a repair', () => {
    const path = fresh();
    writeFileSync(path, '{"run":{}}\nnot json\n{"trial":1}\n');
    expect(() => readRunFile(path)).toThrow(CliError);
    expect(() => readRunFile(path)).toThrow(/line 2 is not JSON/);
  });
});
