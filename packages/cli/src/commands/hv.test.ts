import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { hvCommand } from './hv';

describe('jahskit hv', () => {
  test('prints the hypervolume of points read from standard input', async () => {
    const io = memoryIo('# three boxes\n0 0 1\n\n0 1 0\n1 0 0\n');
    expect(await hvCommand.run(['-r', '2,2,2'], io)).toBe(0);
    expect(io.out()).toBe('7\n');
    expect(io.err()).toBe('');
  });
  test('reads a file relative to cwd and prints full precision', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-hv-'));
    writeFileSync(join(dir, 'front.txt'), '0.1 0.7\n0.3 0.2\n');
    const io = memoryIo('', dir);
    expect(await hvCommand.run(['--reference', '1 1', 'front.txt'], io)).toBe(0);
    expect(Number(io.out())).toBe(0.9 * 0.3 + 0.7 * 0.5);
    expect(io.out()).toBe(`${0.9 * 0.3 + 0.7 * 0.5}\n`);
  });
  test('empty input and a reference no point dominates give 0', async () => {
    const a = memoryIo('\n# nothing\n');
    expect(await hvCommand.run(['-r', '1,1'], a)).toBe(0);
    expect(a.out()).toBe('0\n');
    const b = memoryIo('2 2\n');
    expect(await hvCommand.run(['-r', '1,1'], b)).toBe(0);
    expect(b.out()).toBe('0\n');
  });
  const bad: [string, string, string[], number, RegExp][] = [
    ['ragged rows', '1 2\n3 4 5\n', ['-r', '9,9'], 1, /line 2: expected 2 values/],
    ['text', '1 2\n3 x\n', ['-r', '9,9'], 1, /line 2: "x" is not a number/],
    ['NaN', '1 NaN\n', ['-r', '9,9'], 1, /line 1: NaN is not a finite number/],
    ['Infinity', '1 -inf\n', ['-r', '9,9'], 1, /not a finite number/],
    ['wrong reference dimension', '1 2\n', ['-r', '9,9,9'], 1, /reference point has 3 values but the points have 2/],
    ['missing reference', '1 2\n', [], 2, /-r\/--reference .* is required/],
    ['bad reference value', '1 2\n', ['-r', '1,a'], 2, /--reference: "a" is not a number/],
    ['unknown option', '1 2\n', ['-r', '1,1', '--frobnicate'], 2, /frobnicate/],
    ['missing file', '', ['-r', '1,1', 'does-not-exist.txt'], 1, /cannot read does-not-exist.txt: ENOENT/],
    ['volume beyond double precision', '-1e308 -1e308\n', ['-r', '10,10'], 1, /^jahskit hv: the hypervolume overflows double precision/],
    ['reference beyond double precision', '0 0\n', ['-r', '1e308,1e308'], 1, /^jahskit hv: the hypervolume overflows double precision/],
    ['value beyond double precision', '1 2\n3 1e309\n', ['-r', '9,9'], 1, /^jahskit hv: line 2: "1e309" is beyond double precision/],
    ['a huge bad value', `1 ${'x'.repeat(1_000_000)}\n`, ['-r', '9,9'], 1, /^jahskit hv: line 1: "x{200}"\.\.\. \(1000000 characters\) is not a number\n$/],
  ];
  for (const [name, stdin, argv, code, pattern] of bad) {
    test(`bad input (${name}): one stderr line, exit ${code}, no stack`, async () => {
      const io = memoryIo(stdin);
      expect(await hvCommand.run(argv, io)).toBe(code);
      expect(io.out()).toBe('');
      const err = io.err();
      expect(err).toMatch(/^jahskit hv: /);
      expect(err).toMatch(pattern);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).not.toMatch(/\bat .*:\d+:\d+/);
    });
  }
  test('--help prints the usage', async () => {
    const io = memoryIo('');
    expect(await hvCommand.run(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^usage: jahskit hv/);
  });
});
