import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/jahskit.js', import.meta.url));

/** A program driving `jahskit eval` as a co-process: each line is answered before the next is written. */
describe('jahskit eval, driven line by line', () => {
  test('answers a line while standard input is still open', async () => {
    const child = spawn(process.execPath, [bin, 'eval', '--benchmark', 'synthetic'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const ask = async (line: string): Promise<{ config: unknown; objectives: { y: number } }> => {
      child.stdin.write(`${line}\n`);
      const answer = await Promise.race([answers.next(), exited.then(() => ({ done: true, value: `exited early: ${stderr}` }))]);
      expect(answer.done, String(answer.value)).toBe(false);
      return JSON.parse(answer.value as string);
    };
    try {
      const first = await ask('{"config": {"x1": 3.141592653589793, "x2": 2.275}}');
      expect(first.objectives.y).toBeCloseTo(0.397887, 5);
      const second = await ask('{"config": {"x1": 0, "x2": 0}}');
      expect(second.config).toEqual({ x1: 0, x2: 0 });
      child.stdin.end();
      expect(await exited).toBe(0);
      expect(stderr).toBe('');
    } finally {
      child.kill();
    }
  }, 30_000);

  test('a reader that goes away ends eval quietly, as SIGPIPE ends other programs', async () => {
    const child = spawn(process.execPath, [bin, 'eval', '--benchmark', 'synthetic'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => undefined);
    const line = '{"config": {"x1": 0, "x2": 0}}\n';
    child.stdin.write(line);
    // The first answer read, the reader closes its end, as `| head -1` does; eval keeps getting lines.
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const feeding = setInterval(() => child.stdin.writable && child.stdin.write(line.repeat(1000)), 10);
    try {
      expect(await exited).toBe(141);
      expect(stderr).toBe('');
    } finally {
      clearInterval(feeding);
      child.kill();
    }
  }, 30_000);
});
