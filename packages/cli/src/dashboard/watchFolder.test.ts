import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { folderSignature, watchFolder } from './watchFolder';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFolder', () => {
  test('a burst of writes in nested folders is one change, even when polled more often than the debounce', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-watch-'));
    let changes = 0;
    const stop = watchFolder(dir, () => changes++, { debounceMs: 100, pollMs: 50, minIntervalMs: 0 });
    try {
      mkdirSync(join(dir, 'task', 'rs'), { recursive: true });
      for (let i = 0; i < 5; i++) {
        appendFileSync(join(dir, 'task', 'rs', 'seed0.jsonl'), `line ${i}\n`);
        await sleep(20);
      }
      await sleep(700);
      expect(changes).toBe(1);
      writeFileSync(join(dir, 'grid.json'), '{}');
      await sleep(700);
      expect(changes).toBe(2);
      // Nothing written: nothing reported, however often the poll looks.
      await sleep(300);
      expect(changes).toBe(2);
    } finally {
      stop();
    }
  });

  test('changes closer together than minIntervalMs are reported together, after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-watch-'));
    const times: number[] = [];
    const start = Date.now();
    const stop = watchFolder(dir, () => times.push(Date.now() - start), { debounceMs: 20, pollMs: 30, minIntervalMs: 500 });
    try {
      writeFileSync(join(dir, 'a'), '1');
      await sleep(150);
      writeFileSync(join(dir, 'b'), '2');
      await sleep(150);
      writeFileSync(join(dir, 'c'), '3');
      await sleep(900);
      expect(times).toHaveLength(2);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(480);
    } finally {
      stop();
    }
  });

  test('the signature names every file with its size, and is empty for a missing folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-watch-'));
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'f'), 'abc');
    expect(folderSignature(dir)).toMatch(/^x\/f:3:[\d.]+$/);
    expect(folderSignature(join(dir, 'missing'))).toBe('');
  });
});
