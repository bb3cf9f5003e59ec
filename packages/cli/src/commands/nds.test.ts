import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { ndsCommand } from './nds';

describe('jahskit nds', () => {
  test('prints 1-based front ranks in input order; duplicates share a rank', async () => {
    const io = memoryIo('1 1\n1 1\n2 2\n0 3\n2 2\n3 3\n');
    expect(await ndsCommand.run([], io)).toBe(0);
    expect(io.out()).toBe('1\n1\n2\n1\n2\n3\n');
  });
  test('works in 4 objectives and on empty input', async () => {
    const io = memoryIo('0 0 0 1\n0 0 0 2\n1 0 0 0\n');
    expect(await ndsCommand.run(['-'], io)).toBe(0);
    expect(io.out()).toBe('1\n2\n1\n');
    const empty = memoryIo('');
    expect(await ndsCommand.run([], empty)).toBe(0);
    expect(empty.out()).toBe('');
  });
  test('moocore: each set (ended by a blank or comment line) is ranked on its own, the sets separated by a blank line', async () => {
    const io = memoryIo('1 1\n2 2\n\n\n2 2\n3 3\n1 1\n# next\n5 5\n');
    expect(await ndsCommand.run([], io)).toBe(0);
    expect(io.out()).toBe('1\n2\n\n2\n3\n1\n\n1\n');
    const union = memoryIo('1 1\n2 2\n\n\n2 2\n3 3\n1 1\n# next\n5 5\n');
    expect(await ndsCommand.run(['--union'], union)).toBe(0);
    expect(union.out()).toBe('1\n2\n2\n3\n1\n4\n');
  });
  test("--help lists moocore's options, without the reference point nds does not take", async () => {
    const io = memoryIo('');
    expect(await ndsCommand.run(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/-o, --obj/);
    expect(io.out()).toMatch(/--maximise/);
    expect(io.out()).not.toMatch(/--reference/);
  });
  test('moocore: --maximise and -o/--obj', async () => {
    const max = memoryIo('1 1\n2 2\n0 3\n');
    expect(await ndsCommand.run(['--maximise'], max)).toBe(0);
    expect(max.out()).toBe('2\n1\n1\n');
    // Minimise the first, maximise the second: (0, 3) dominates both others.
    const mixed = memoryIo('1 1\n2 2\n0 3\n');
    expect(await ndsCommand.run(['-o', '-+'], mixed)).toBe(0);
    expect(mixed.out()).toBe('2\n2\n1\n');
  });
  test('bad input and misuse', async () => {
    const ragged = memoryIo('1 2\n1\n');
    expect(await ndsCommand.run([], ragged)).toBe(1);
    expect(ragged.err()).toMatch(/^jahskit nds: line 2: expected 2 values/);
    const nan = memoryIo('nan 1\n');
    expect(await ndsCommand.run([], nan)).toBe(1);
    expect(nan.err().trimEnd().split('\n')).toHaveLength(1);
    const misuse = memoryIo('1 2\n');
    expect(await ndsCommand.run(['-r', '1,1'], misuse)).toBe(2);
    expect(misuse.err()).toMatch(/^jahskit nds: -r\/--reference is not used/);
    // Several files are moocore's usage; a missing one is named.
    const two = memoryIo('');
    expect(await ndsCommand.run(['a', 'b'], two)).toBe(1);
    expect(two.err()).toMatch(/^jahskit nds: cannot read a: ENOENT\n$/);
    const wrongObj = memoryIo('1 2\n\n1 2 \n');
    expect(await ndsCommand.run(['-o', '+'], wrongObj)).toBe(1);
    expect(wrongObj.err()).toBe('jahskit nds: -o/--obj "+" gives 1 directions but the points have 2 objectives\n');
  });

  test('--json: one document, the ranks of each set (1 = non-dominated)', async () => {
    const io = memoryIo('1 1\n2 2\n\n\n2 2\n3 3\n1 1\n# next\n5 5\n');
    expect(await ndsCommand.run(['--json'], io)).toBe(0);
    expect(io.out()).toBe('{"ranks":[[1,2],[2,3,1],[1]]}\n');
    const empty = memoryIo('');
    expect(await ndsCommand.run(['--json'], empty)).toBe(0);
    expect(empty.out()).toBe('{"ranks":[]}\n');
  });
});
