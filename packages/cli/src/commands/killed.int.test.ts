import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@jahskit/core';
import { FUZZ_SEED } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';

/**
 * The fault test of `jahskit run` and `jahskit compare`: real processes, killed with SIGKILL at seeded
 * random moments (when a random fraction of the results is on disk), the same command started again
 * after each kill, then once more to the end. After every kill each results file must be a prefix of
 * the uninterrupted run's (nothing but a torn last line), and at the end every file but the timing
 * files must be byte-identical to it: nothing lost, nothing written twice, nothing overwritten.
 */
const bin = fileURLToPath(new URL('../../bin/jahskit.js', import.meta.url));
const KILLS = 4;

/** Every file under `dir` but the timing files (relative path -> bytes). */
function results(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string): void => {
    if (!existsSync(join(dir, sub))) return;
    for (const name of readdirSync(join(dir, sub))) {
      const path = join(dir, sub, name);
      if (statSync(path).isDirectory()) walk(join(sub, name));
      else if (!name.endsWith('.timing.jsonl')) files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk('');
  return files;
}

/** Bytes of the run files under `dir`, without reading them. */
function runBytes(dir: string): number {
  let total = 0;
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      const stat = statSync(child);
      if (stat.isDirectory()) walk(child);
      else if (name.endsWith('.jsonl') && !name.endsWith('.timing.jsonl')) total += stat.size;
    }
  };
  walk(dir);
  return total;
}

/**
 * Starts `argv` and kills it (its whole process group) once the run files under `out` hold `threshold`
 * bytes; resolves to the bytes there at the kill, or undefined when it finished first.
 */
async function killAt(cwd: string, argv: readonly string[], out: string, threshold: number): Promise<number | undefined> {
  const child = spawn(process.execPath, [bin, ...argv], { cwd, detached: true, stdio: 'ignore' });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  let killedAt: number | undefined;
  while (!exited) {
    const bytes = runBytes(out);
    if (bytes >= threshold) {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
        killedAt = bytes;
      } catch {
        // Exited between the check and the kill.
      }
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await exit;
  return child.signalCode === 'SIGKILL' ? killedAt : undefined;
}

/** Runs `argv` to its end: its exit status and standard error. (Not spawnSync: the other test's kills are timed on this event loop.) */
function complete(cwd: string, argv: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

/** Runs `argv` uninterrupted into `whole`, then killed KILLS times and resumed into `killed`. */
async function killAndResume(name: string, argv: (out: string) => string[], seed: number): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), `jahskit-killed-${name}-`));
  const whole = await complete(cwd, argv('whole'));
  expect(whole.status, whole.stderr).toBe(0);
  const reference = results(join(cwd, 'whole'));
  const total = runBytes(join(cwd, 'whole'));
  // Random moments, in order; the last one is the moment the last result is on disk (analysis follows).
  // A named stream: the first draws of nearby root seeds are alike.
  const rng = Rng.seeded(seed).stream('kill moments');
  const fractions = [...Array.from({ length: KILLS - 1 }, () => rng.uniform()).sort((a, b) => a - b), 1];
  const kills: (number | undefined)[] = [];
  const out = join(cwd, 'killed');
  for (const fraction of fractions) {
    kills.push(await killAt(cwd, argv('killed'), out, Math.ceil(fraction * total)));
    // Whatever the moment, every results file is a prefix of the uninterrupted one's.
    for (const [path, bytes] of results(out)) {
      const want = reference.get(path);
      expect(want, `${name}: unexpected file ${path}`).toBeDefined();
      expect(want!.subarray(0, bytes.length).equals(bytes), `${name}: ${path} after a kill at ${kills.at(-1)} bytes`).toBe(true);
    }
  }
  // Most kills land while results are being written (a fast machine may finish before the last).
  expect(kills.filter((k) => k !== undefined && k < total).length, `${name}: kills at ${kills.join(', ')} of ${total} bytes`).toBeGreaterThanOrEqual(1);
  const resumed = await complete(cwd, argv('killed'));
  expect(resumed.status, resumed.stderr).toBe(0);
  const final = results(out);
  expect([...final.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const [path, bytes] of reference) expect(final.get(path)?.equals(bytes), `${name}: ${path} differs from the uninterrupted run`).toBe(true);
}

describe('killed with SIGKILL at random moments and started again', () => {
  test.concurrent('jahskit run ends byte-identical to an uninterrupted run', async () => {
    await killAndResume('run', (out) => ['run', '--benchmark', 'nb201', '--optimizer', 're', '--budget', '15000', '--quiet', '--out', out], FUZZ_SEED);
  }, 120_000);

  test.concurrent('jahskit compare ends byte-identical to an uninterrupted grid, analysis included', async () => {
    await killAndResume('compare', (out) => ['compare', '--benchmarks', 'nb201', '--optimizers', 'rs,re,hyperband', '--seeds', '10', '--workers', '2', '--quiet', '--out', out], FUZZ_SEED + 1);
  }, 120_000);
});
