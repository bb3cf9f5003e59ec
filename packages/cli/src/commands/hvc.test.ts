import { describe, expect, test } from 'vitest';
import { commandIn } from '../cliRunFixtures';
import { hvcCommand } from './hvc';

const hvc = commandIn(hvcCommand);
/** Three sets: one of three points, one of one, and one (after a comment) of two. */
const THREE_SETS = '0 2\n1 1\n2 0\n\n0 0\n\n# only a comment\n1 1\n3 0\n';

describe('jahskit hvc', () => {
  test('prints each exclusive contribution; dominated and duplicated points give 0', async () => {
    expect(await hvc(['-r', '4,4'], '0 2\n0 2\n1 1\n2 2\n3 0\n')).toMatchObject({ code: 0, out: '0\n0\n2\n0\n1\n' });
  });
  test('3-D contributions', async () => {
    // Each box (volume 4) shares 2 + 2 - 1 = 3 with the other two.
    expect(await hvc(['-r', '2,2,2'], '0 0 1\n0 1 0\n1 0 0\n')).toMatchObject({ code: 0, out: '1\n1\n1\n' });
  });
  test('moocore: each set gets its own contributions, the sets separated by a blank line', async () => {
    // (3, 0) is not inside the reference box.
    expect(await hvc(['-r', '3,3'], THREE_SETS)).toMatchObject({ code: 0, out: '1\n1\n1\n\n9\n\n4\n0\n' });
    expect(await hvc(['--maximize', '-r', '0 0'], '3 1\n2 2\n1 3\n')).toMatchObject({ code: 0, out: '1\n1\n1\n' });
  });
  test('bad input', async () => {
    expect(await hvc(['-r', '3,3'], '1 2\n\n1\n')).toMatchObject({ code: 1, err: 'jahskit hvc: line 3: expected 2 values like the first point, found 1\n' });
    expect(await hvc(['-r', '3,3'], '1 2\n1 two\n')).toMatchObject({ code: 1, err: 'jahskit hvc: line 2: "two" is not a number\n' });
    expect(await hvc(['-r', '3'], '1 2\n')).toMatchObject({ code: 1, err: 'jahskit hvc: the reference point has 1 values but the points have 2 objectives\n' });
  });
  test('a contribution beyond double precision is an error, not Infinity', async () => {
    expect(await hvc(['-r', '1e300,1e300'], '-1e308 0\n0 -1e308\n')).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/^jahskit hvc: the contribution of point 1 overflows double precision .*\n$/),
    });
  });

  test('--json: one document, the contributions of each set', async () => {
    expect(await hvc(['-r', '3,3', '--json'], THREE_SETS)).toMatchObject({ code: 0, out: '{"contributions":[[1,1,1],[9],[4,0]]}\n' });
  });
});
