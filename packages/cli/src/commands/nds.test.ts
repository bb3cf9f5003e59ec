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
    const two = memoryIo('');
    expect(await ndsCommand.run(['a', 'b'], two)).toBe(2);
  });
});
