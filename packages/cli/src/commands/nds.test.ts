import { describe, expect, test } from 'vitest';
import { commandIn } from '../cliRunFixtures';
import { ndsCommand } from './nds';

const nds = commandIn(ndsCommand);
/** Three sets, ended by blank lines and by a comment: two points, three, and one. */
const THREE_SETS = '1 1\n2 2\n\n\n2 2\n3 3\n1 1\n# next\n5 5\n';

describe('jahskit nds', () => {
  test('prints 1-based front ranks in input order; duplicates share a rank', async () => {
    expect(await nds([], '1 1\n1 1\n2 2\n0 3\n2 2\n3 3\n')).toMatchObject({ code: 0, out: '1\n1\n2\n1\n2\n3\n' });
  });
  test('works in 4 objectives and on empty input', async () => {
    expect(await nds(['-'], '0 0 0 1\n0 0 0 2\n1 0 0 0\n')).toMatchObject({ code: 0, out: '1\n2\n1\n' });
    expect(await nds([], '')).toMatchObject({ code: 0, out: '' });
  });
  test('moocore: each set (ended by a blank or comment line) is ranked on its own, the sets separated by a blank line', async () => {
    expect(await nds([], THREE_SETS)).toMatchObject({ code: 0, out: '1\n2\n\n2\n3\n1\n\n1\n' });
    expect(await nds(['--union'], THREE_SETS)).toMatchObject({ code: 0, out: '1\n2\n2\n3\n1\n4\n' });
  });
  test("--help lists moocore's options, without the reference point nds does not take", async () => {
    const help = await nds(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/-o, --obj/);
    expect(help.out).toMatch(/--maximise/);
    expect(help.out).not.toMatch(/--reference/);
  });
  test('moocore: --maximise and -o/--obj', async () => {
    expect(await nds(['--maximise'], '1 1\n2 2\n0 3\n')).toMatchObject({ code: 0, out: '2\n1\n1\n' });
    // Minimise the first, maximise the second: (0, 3) dominates both others.
    expect(await nds(['-o', '-+'], '1 1\n2 2\n0 3\n')).toMatchObject({ code: 0, out: '2\n2\n1\n' });
  });
  test('bad input and misuse', async () => {
    expect(await nds([], '1 2\n1\n')).toMatchObject({ code: 1, err: expect.stringMatching(/^jahskit nds: line 2: expected 2 values/) });
    const nan = await nds([], 'nan 1\n');
    expect(nan.code).toBe(1);
    expect(nan.err.trimEnd().split('\n')).toHaveLength(1);
    expect(await nds(['-r', '1,1'], '1 2\n')).toMatchObject({ code: 2, err: expect.stringMatching(/^jahskit nds: -r\/--reference is not used/) });
    // Several files are moocore's usage; a missing one is named.
    expect(await nds(['a', 'b'])).toMatchObject({ code: 1, err: expect.stringMatching(/^jahskit nds: cannot read a: ENOENT\n$/) });
    expect(await nds(['-o', '+'], '1 2\n\n1 2 \n')).toMatchObject({
      code: 1,
      err: 'jahskit nds: -o/--obj "+" gives 1 directions but the points have 2 objectives\n',
    });
  });

  test('--json: one document, the ranks of each set (1 = non-dominated)', async () => {
    expect(await nds(['--json'], THREE_SETS)).toMatchObject({ code: 0, out: '{"ranks":[[1,2],[2,3,1],[1]]}\n' });
    expect(await nds(['--json'])).toMatchObject({ code: 0, out: '{"ranks":[]}\n' });
  });
});
