import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { commandIn, freshDir, printedJson } from '../cliRunFixtures';
import { hvCommand } from './hv';

const hv = commandIn(hvCommand);
const THREE_BOXES = '# three boxes\n0 0 1\n\n0 1 0\n1 0 0\n';

describe('jahskit hv', () => {
  test('prints the hypervolume of points read from standard input (--union: all sets as one)', async () => {
    expect(await hv(['-r', '2,2,2', '--union'], THREE_BOXES)).toEqual({ code: 0, out: '7\n', err: '' });
    expect(await hv(['-u', '-r', '2,2,2'], '0 0 1\n0 1 0\n1 0 0\n')).toMatchObject({ code: 0, out: '7\n' });
  });
  test('moocore: a blank line or a comment line ends a set, and each set gets its own value', async () => {
    expect(await hv(['-r', '2,2,2'], THREE_BOXES)).toMatchObject({ code: 0, out: '4\n6\n' });
    // Several blank lines (with spaces, CRLF) end a set once; a comment between points ends it too.
    expect(await hv(['-r', '2 2'], '0 1\r\n1 0\r\n\r\n  \t\n\n0.5 0.5\n# run 3\n1 1\n# trailing\n\n')).toMatchObject({ code: 0, out: '3\n2.25\n1\n' });
  });
  test('moocore: several files, one value per set of each, in order', async () => {
    const dir = freshDir('hv');
    const hvIn = commandIn(hvCommand, dir);
    writeFileSync(join(dir, 'a.txt'), '0 1\n1 0\n\n0.5 0.5\n');
    writeFileSync(join(dir, 'b.txt'), '1 1\n');
    expect(await hvIn(['-r', '2,2', 'a.txt', 'b.txt'])).toMatchObject({ code: 0, out: '3\n2.25\n1\n' });
    expect(await hvIn(['-r', '2,2', '-u', 'a.txt', 'b.txt'])).toMatchObject({ code: 0, out: '3.25\n1\n' });
    writeFileSync(join(dir, 'c.txt'), '1 1 1\n');
    expect(await hvIn(['-r', '2,2', 'a.txt', 'c.txt'])).toMatchObject({
      code: 1,
      err: 'jahskit hv: c.txt: the points have 3 objectives but those before have 2\n',
    });
    writeFileSync(join(dir, 'd.txt'), '1 1\n\n1 2 3\n');
    expect(await hvIn(['-r', '2,2', 'd.txt'])).toMatchObject({ code: 1, err: 'jahskit hv: d.txt: line 3: expected 2 values like the first point, found 3\n' });
  });
  test('moocore: --maximise / --maximize and -o/--obj turn objectives around, the reference point with them', async () => {
    // Maximising both: the points are better the larger they are, the reference is below them.
    for (const flag of ['--maximise', '--maximize']) expect(await hv([flag, '-r', '0,0'], '2 1\n1 2\n'), flag).toMatchObject({ code: 0, out: '3\n' });
    // First minimised, second maximised: (0, 2) and (1, 3) against (2, 0).
    const forms = [['-o', '-+'], ['--obj', '-+'], ['--obj=-+'], ['-o-+']];
    for (const obj of forms) expect(await hv([...obj, '-r', '2 0'], '0 2\n1 3\n'), obj.join(' ')).toMatchObject({ code: 0, out: `${2 * 2 + 1 * 1}\n` });
    // moocore's getopt takes the word after -o whatever it is: -o -- is "both minimised".
    expect(await hv(['-o', '--', '-r', '2,2'], '0 1\n1 0\n')).toMatchObject({ code: 0, out: '3\n' });
    expect(await hv(['-q', '-r', '2,2'], '0 1\n1 0\n')).toMatchObject({ code: 0, out: '3\n' });
  });
  test("moocore: -c/--contributions prints each set's contributions followed by a blank line", async () => {
    expect(await hv(['-c', '-r', '3,3'], '0 2\n1 1\n2 0\n\n0 0\n')).toMatchObject({ code: 0, out: '1\n1\n1\n\n9\n\n' });
    expect(await hv(['--contributions', '-r', '3,3'], '0 0\n')).toMatchObject({ code: 0, out: '9\n\n' });
  });
  test('reads a file relative to cwd and prints full precision', async () => {
    const dir = freshDir('hv');
    writeFileSync(join(dir, 'front.txt'), '0.1 0.7\n0.3 0.2\n');
    const read = await commandIn(hvCommand, dir)(['--reference', '1 1', 'front.txt']);
    expect(read.code).toBe(0);
    expect(Number(read.out)).toBe(0.9 * 0.3 + 0.7 * 0.5);
    expect(read.out).toBe(`${0.9 * 0.3 + 0.7 * 0.5}\n`);
  });
  test('empty input and a reference no point dominates give 0', async () => {
    expect(await hv(['-r', '1,1'], '\n# nothing\n')).toMatchObject({ code: 0, out: '0\n' });
    expect(await hv(['-r', '1,1'], '2 2\n')).toMatchObject({ code: 0, out: '0\n' });
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
      const { code: exit, out, err } = await hv(argv, stdin);
      expect(exit).toBe(code);
      expect(out).toBe('');
      expect(err).toMatch(/^jahskit hv: /);
      expect(err).toMatch(pattern);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).not.toMatch(/\bat .*:\d+:\d+/);
    });
  }
  test('--help prints the usage', async () => {
    expect(await hv(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/^usage: jahskit hv/) });
  });

  test('--json: one document, one hypervolume per set (-c: the contributions of each set)', async () => {
    expect(await hv(['-r', '2,2,2', '--json'], THREE_BOXES)).toMatchObject({ code: 0, out: '{"hypervolume":[4,6]}\n' });
    expect(printedJson(await hv(['-r', '1,1', '--json']))).toEqual({ hypervolume: [0] });
    expect(printedJson(await hv(['-r', '3,3', '-c', '--json'], '0 2\n1 1\n2 0\n\n0 0\n'))).toEqual({ contributions: [[1, 1, 1], [9]] });
  });
});
