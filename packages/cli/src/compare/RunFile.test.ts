import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CliError } from '../commandLineError';
import { LineChain } from '@jahskit/core';
import { readRunFile, runFileLines, RunFileWriter, scanRunFile } from './RunFile';

const lines = ['{"run":{"task":"t"}}', '{"trial":0}', '{"trial":1}', '{"end":{"trials":2}}'];
/** What the writer puts on disk for `contents`: each line sealed with its checksum. */
const sealed = (contents: readonly string[]): string[] => {
  const chain = new LineChain();
  return contents.map((line) => chain.seal(line));
};
const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'jahskit-runfile-')), 'seed0.jsonl');

function writeAll(path: string, flushEvery = 2): void {
  const writer = new RunFileWriter(path, readRunFile(path), flushEvery);
  for (const line of lines) writer.write(line);
  writer.finish();
}

describe('RunFile', () => {
  test('a missing file is an empty, unfinished run', () => {
    expect(readRunFile(fresh())).toEqual({ count: 0, lines: [], validBytes: 0, partial: false, finished: false });
  });

  test('writes every line and recognises the finished run', () => {
    const path = fresh();
    writeAll(path);
    expect(readFileSync(path, 'utf8')).toBe(`${sealed(lines).join('\n')}\n`);
    expect(readRunFile(path)).toMatchObject({ lines, finished: true });
  });

  const complete = `${sealed(lines).join('\n')}\n`;
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

  test('a file that grows while it is read (a live run) is read to its last complete line', () => {
    const path = fresh();
    const [first, ...rest] = sealed(lines);
    writeFileSync(path, `${first}\n`);
    const reading = runFileLines(path);
    expect(reading.next().value).toBe(lines[0]);
    // Far more than the file held when it was opened: read in several pieces, lines across them.
    appendFileSync(path, `${rest.join('\n')}\n`);
    expect([...{ [Symbol.iterator]: () => reading }]).toEqual(lines.slice(1));
    expect(scanRunFile(path)).toEqual({ count: 4, first: lines[0], last: lines[3], validBytes: complete.length, partial: false, finished: true });
  });

  test('a recorded line that the rerun does not reproduce is kept and reported', () => {
    const path = fresh();
    const recorded = `${sealed(['{"run":{"task":"t"}}', '{"trial":0,"other":true}']).join('\n')}\n`;
    writeFileSync(path, recorded);
    const writer = new RunFileWriter(path, readRunFile(path));
    writer.write(lines[0]!);
    expect(() => writer.write(lines[1]!)).toThrow(/line 2 on disk differs from the rerun/);
    expect(readFileSync(path, 'utf8')).toBe(recorded);
  });

  test('an unparsable line before the last one is an error, not a repair', () => {
    const path = fresh();
    const [first, , third] = sealed(['{"run":{}}', '{"trial":0}', '{"trial":1}']);
    writeFileSync(path, `${first}\nnot json\n${third}\n`);
    expect(() => readRunFile(path)).toThrow(CliError);
    expect(() => readRunFile(path)).toThrow(/line 2 is not JSON/);
  });

  // Hand edits that keep the file valid JSON lines: a changed value, a removed or a swapped line.
  test.each([
    [
      'a changed value',
      (l: string[]) => [l[0]!, l[1]!.replace('"trial":0', '"trial":7'), ...l.slice(2)],
      /line 2 was changed after it was written \(checksum mismatch\)/,
    ],
    ['a removed line', (l: string[]) => [l[0]!, ...l.slice(2)], /line 2 was changed after it was written \(checksum mismatch\)/],
    ['swapped lines', (l: string[]) => [l[0]!, l[2]!, l[1]!, l[3]!], /line 2 was changed after it was written \(checksum mismatch\)/],
    ['a line without checksum', (l: string[]) => [l[0]!, '{"trial":0}', ...l.slice(2)], /line 2 carries no checksum/],
  ])('%s in a finished file is refused on resume, and the file is kept', (_, edit, message) => {
    const path = fresh();
    const tampered = `${edit(sealed(lines)).join('\n')}\n`;
    writeFileSync(path, tampered);
    expect(() => readRunFile(path)).toThrow(CliError);
    expect(() => readRunFile(path)).toThrow(message);
    expect(() => readRunFile(path)).toThrow(/seed0\.jsonl: line 2 .*; move the file away to rerun this run$/);
    expect(readFileSync(path, 'utf8')).toBe(tampered);
  });

  const positions = sealed(lines).flatMap((line, i) => [...line].map((_, at) => ({ line: i, at })));
  test.prop([
    fc.constantFrom(...positions),
    fc.oneof(fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), fc.constantFrom('\n', '0', '1', 'f', '"', '}', ',', 'é')),
  ])('any single-character change of any complete line is detected', ({ line, at }, replacement) => {
    const file = sealed(lines);
    const original = file[line]!;
    fc.pre(original[at] !== replacement);
    file[line] = original.slice(0, at) + replacement + original.slice(at + 1);
    const path = fresh();
    writeFileSync(path, `${file.join('\n')}\n`);
    expect(() => readRunFile(path)).toThrow(CliError);
  });
});
