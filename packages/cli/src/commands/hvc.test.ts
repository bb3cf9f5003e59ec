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
  test('bad input', async () => {
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
});
