import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { hvcCommand } from './hvc';

describe('jahskit hvc', () => {
  test('prints each exclusive contribution; dominated and duplicated points give 0', async () => {
    const io = memoryIo('0 2\n0 2\n1 1\n2 2\n3 0\n');
    expect(await hvcCommand.run(['-r', '4,4'], io)).toBe(0);
    expect(io.out()).toBe('0\n0\n2\n0\n1\n');
  });
  test('3-D contributions', async () => {
    const io = memoryIo('0 0 1\n0 1 0\n1 0 0\n');
    expect(await hvcCommand.run(['-r', '2,2,2'], io)).toBe(0);
    // Each box (volume 4) shares 2 + 2 - 1 = 3 with the other two.
    expect(io.out()).toBe('1\n1\n1\n');
  });
  test('moocore: each set gets its own contributions, the sets separated by a blank line', async () => {
    const io = memoryIo('0 2\n1 1\n2 0\n\n0 0\n\n# only a comment\n1 1\n3 0\n');
    expect(await hvcCommand.run(['-r', '3,3'], io)).toBe(0);
    expect(io.out()).toBe('1\n1\n1\n\n9\n\n4\n0\n'); // (3, 0) is not inside the reference box
    const max = memoryIo('3 1\n2 2\n1 3\n');
    expect(await hvcCommand.run(['--maximize', '-r', '0 0'], max)).toBe(0);
    expect(max.out()).toBe('1\n1\n1\n');
  });
  test('bad input', async () => {
    const ragged = memoryIo('1 2\n\n1\n');
    expect(await hvcCommand.run(['-r', '3,3'], ragged)).toBe(1);
    expect(ragged.err()).toBe('jahskit hvc: line 3: expected 2 values like the first point, found 1\n');
    const text = memoryIo('1 2\n1 two\n');
    expect(await hvcCommand.run(['-r', '3,3'], text)).toBe(1);
    expect(text.err()).toBe('jahskit hvc: line 2: "two" is not a number\n');
    const io = memoryIo('1 2\n');
    expect(await hvcCommand.run(['-r', '3'], io)).toBe(1);
    expect(io.err()).toBe('jahskit hvc: the reference point has 1 values but the points have 2 objectives\n');
  });
  test('a contribution beyond double precision is an error, not Infinity', async () => {
    const io = memoryIo('-1e308 0\n0 -1e308\n');
    expect(await hvcCommand.run(['-r', '1e300,1e300'], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(/^jahskit hvc: the contribution of point 1 overflows double precision .*\n$/);
  });

  test('--json: one document, the contributions of each set', async () => {
    const io = memoryIo('0 2\n1 1\n2 0\n\n0 0\n\n# only a comment\n1 1\n3 0\n');
    expect(await hvcCommand.run(['-r', '3,3', '--json'], io)).toBe(0);
    expect(io.out()).toBe('{"contributions":[[1,1,1],[9],[4,0]]}\n');
  });
});
