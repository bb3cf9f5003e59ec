import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { hvCommand } from './hv';

describe('jahskit hv', () => {
  test('prints the hypervolume of points read from standard input (--union: all sets as one)', async () => {
    const io = memoryIo('# three boxes\n0 0 1\n\n0 1 0\n1 0 0\n');
    expect(await hvCommand.run(['-r', '2,2,2', '--union'], io)).toBe(0);
    expect(io.out()).toBe('7\n');
    expect(io.err()).toBe('');
    const short = memoryIo('0 0 1\n0 1 0\n1 0 0\n');
    expect(await hvCommand.run(['-u', '-r', '2,2,2'], short)).toBe(0);
    expect(short.out()).toBe('7\n');
  });
  test('moocore: a blank line or a comment line ends a set, and each set gets its own value', async () => {
    const io = memoryIo('# three boxes\n0 0 1\n\n0 1 0\n1 0 0\n');
    expect(await hvCommand.run(['-r', '2,2,2'], io)).toBe(0);
    expect(io.out()).toBe('4\n6\n');
    // Several blank lines (with spaces, CRLF) end a set once; a comment between points ends it too.
    const many = memoryIo('0 1\r\n1 0\r\n\r\n  \t\n\n0.5 0.5\n# run 3\n1 1\n# trailing\n\n');
    expect(await hvCommand.run(['-r', '2 2'], many)).toBe(0);
    expect(many.out()).toBe('3\n2.25\n1\n');
  });
  test('moocore: several files, one value per set of each, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-hv-'));
    writeFileSync(join(dir, 'a.txt'), '0 1\n1 0\n\n0.5 0.5\n');
    writeFileSync(join(dir, 'b.txt'), '1 1\n');
    const io = memoryIo('', dir);
    expect(await hvCommand.run(['-r', '2,2', 'a.txt', 'b.txt'], io)).toBe(0);
    expect(io.out()).toBe('3\n2.25\n1\n');
    const union = memoryIo('', dir);
    expect(await hvCommand.run(['-r', '2,2', '-u', 'a.txt', 'b.txt'], union)).toBe(0);
    expect(union.out()).toBe('3.25\n1\n');
    writeFileSync(join(dir, 'c.txt'), '1 1 1\n');
    const mixed = memoryIo('', dir);
    expect(await hvCommand.run(['-r', '2,2', 'a.txt', 'c.txt'], mixed)).toBe(1);
    expect(mixed.err()).toBe('jahskit hv: c.txt: the points have 3 objectives but those before have 2\n');
    const ragged = memoryIo('', dir);
    writeFileSync(join(dir, 'd.txt'), '1 1\n\n1 2 3\n');
    expect(await hvCommand.run(['-r', '2,2', 'd.txt'], ragged)).toBe(1);
    expect(ragged.err()).toBe('jahskit hv: d.txt: line 3: expected 2 values like the first point, found 3\n');
  });
  test('moocore: --maximise / --maximize and -o/--obj turn objectives around, the reference point with them', async () => {
    // Maximising both: the points are better the larger they are, the reference is below them.
    for (const flag of ['--maximise', '--maximize']) {
      const io = memoryIo('2 1\n1 2\n');
      expect(await hvCommand.run([flag, '-r', '0,0'], io)).toBe(0);
      expect(io.out()).toBe('3\n');
    }
    // First minimised, second maximised: (0, 2) and (1, 3) against (2, 0).
    const forms = [['-o', '-+'], ['--obj', '-+'], ['--obj=-+'], ['-o-+']];
    for (const obj of forms) {
      const io = memoryIo('0 2\n1 3\n');
      expect(await hvCommand.run([...obj, '-r', '2 0'], io), obj.join(' ')).toBe(0);
      expect(io.out(), obj.join(' ')).toBe(`${2 * 2 + 1 * 1}\n`);
    }
    // moocore's getopt takes the word after -o whatever it is: -o -- is "both minimised".
    const minimised = memoryIo('0 1\n1 0\n');
    expect(await hvCommand.run(['-o', '--', '-r', '2,2'], minimised)).toBe(0);
    expect(minimised.out()).toBe('3\n');
    const quiet = memoryIo('0 1\n1 0\n');
    expect(await hvCommand.run(['-q', '-r', '2,2'], quiet)).toBe(0);
    expect(quiet.out()).toBe('3\n');
  });
  test("moocore: -c/--contributions prints each set's contributions followed by a blank line", async () => {
    const io = memoryIo('0 2\n1 1\n2 0\n\n0 0\n');
    expect(await hvCommand.run(['-c', '-r', '3,3'], io)).toBe(0);
    expect(io.out()).toBe('1\n1\n1\n\n9\n\n');
    const long = memoryIo('0 0\n');
    expect(await hvCommand.run(['--contributions', '-r', '3,3'], long)).toBe(0);
    expect(long.out()).toBe('9\n\n');
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
    ['wrong reference dimension in a later set', '1 2\n\n3 4\n', ['-r', '9'], 1, /reference point has 1 values but the points have 2/],
    ['ragged rows across sets', '1 2\n\n3 4 5\n', ['-r', '9,9'], 1, /^jahskit hv: line 3: expected 2 values like the first point, found 3\n$/],
    ['text in a later set', '1 2\n\n3 y\n', ['-r', '9,9'], 1, /^jahskit hv: line 3: "y" is not a number\n$/],
    [
      '--obj of the wrong length',
      '1 2\n',
      ['-r', '9,9', '-o', '+-+'],
      1,
      /^jahskit hv: -o\/--obj "\+-\+" gives 3 directions but the points have 2 objectives\n$/,
    ],
    [
      '--obj with another letter',
      '1 2\n',
      ['-r', '9,9', '--obj=+x'],
      2,
      /^jahskit hv: -o\/--obj "\+x": "x" at position 2 is not \+ or -; allowed: one \+ \(maximise\) or - \(minimise\) per objective/,
    ],
    ['--obj ignoring an objective', '1 2\n', ['-r', '9,9', '-o', '+i'], 2, /"i" \(ignore an objective\) is not supported/],
    ['empty --obj', '1 2\n', ['-r', '9,9', '--obj='], 2, /-o\/--obj needs one \+/],
    ['--obj without a value', '1 2\n', ['-r', '9,9', '-o'], 2, /obj/],
    ['--maximise and --obj', '1 2\n', ['-r', '9,9', '--maximise', '-o', '++'], 2, /give either --maximise or -o\/--obj, not both/],
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

  test('--json: one document, one hypervolume per set (-c: the contributions of each set)', async () => {
    const io = memoryIo('# three boxes\n0 0 1\n\n0 1 0\n1 0 0\n');
    expect(await hvCommand.run(['-r', '2,2,2', '--json'], io)).toBe(0);
    expect(io.out()).toBe('{"hypervolume":[4,6]}\n');
    const empty = memoryIo('');
    expect(await hvCommand.run(['-r', '1,1', '--json'], empty)).toBe(0);
    expect(JSON.parse(empty.out())).toEqual({ hypervolume: [0] });
    const c = memoryIo('0 2\n1 1\n2 0\n\n0 0\n');
    expect(await hvCommand.run(['-r', '3,3', '-c', '--json'], c)).toBe(0);
    expect(JSON.parse(c.out())).toEqual({ contributions: [[1, 1, 1], [9]] });
  });
});
