import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@jahskit/core';
import { FUZZ_SEED } from '@jahskit/core/testing';
import { beforeAll, describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

/**
 * The fault test of `jahskit run` and `jahskit compare`: real processes, killed with SIGKILL at seeded
 * random moments (when a random fraction of the results is on disk), the same command started again
 * after each kill, then once more to the end. After every kill each file must be a prefix of the
 * uninterrupted run's (nothing but a torn last line), and at the end every file but the timing files
 * must be byte-identical to it: nothing lost, nothing written twice, nothing overwritten.
 */
const bin = fileURLToPath(new URL('../../bin/jahskit.js', import.meta.url));
const KILLS = 3;
/**
 * Chains started afresh when none of a chain's kills landed while results were written. The kills are
 * timed by polls in this process; on a loaded CI machine the polls once went unserved for the whole
 * time the results were written, and every kill found the run complete.
 */
const ATTEMPTS = 3;

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

interface Chain {
  readonly name: string;
  readonly argv: (out: string) => string[];
  readonly seed: number;
  readonly cwd: string;
  reference: Map<string, Buffer>;
  total: number;
  /** Bytes on disk at each kill of the last attempt (undefined: the process finished first). */
  readonly kills: (number | undefined)[];
  /** Chains started, the last one included. */
  attempts: number;
  /** Files found, after a kill, that are not a prefix of the uninterrupted run's. */
  readonly damaged: string[];
}

const chain = (name: string, argv: (out: string) => string[], seed: number): Chain => ({
  name,
  argv,
  seed,
  cwd: mkdtempSync(join(tmpdir(), `jahskit-killed-${name}-`)),
  reference: new Map(),
  total: 0,
  kills: [],
  attempts: 0,
  damaged: [],
});

/** `jahskit <argv>` in this process, to its end. */
async function inProcess(c: Chain, out: string): Promise<void> {
  const io = memoryIo('', c.cwd);
  expect(await runCli(c.argv(out), io), io.err()).toBe(0);
}

/** Whether some kill of the last attempt landed while results were written. */
const landed = (c: Chain): boolean => c.kills.some((k) => k !== undefined && k < c.total);

/**
 * Kills `c`'s command KILLS times at seeded random moments, checking what each kill left; starts over
 * (at most ATTEMPTS times) while no kill lands mid-write. Damage found in any attempt counts.
 */
async function killRepeatedly(c: Chain): Promise<void> {
  // Random moments, in order; the last one is the moment the last result is on disk (analysis follows).
  // A named stream: the first draws of nearby root seeds are alike.
  const rng = Rng.seeded(c.seed).stream('kill moments');
  const out = join(c.cwd, 'killed');
  while (c.attempts < ATTEMPTS && (c.attempts === 0 || !landed(c))) {
    c.attempts += 1;
    rmSync(out, { recursive: true, force: true });
    c.kills.length = 0;
    const fractions = [...Array.from({ length: KILLS - 1 }, () => rng.uniform()).sort((a, b) => a - b), 1];
    for (const fraction of fractions) {
      c.kills.push(await killAt(c.cwd, c.argv('killed'), out, Math.ceil(fraction * c.total)));
      // Whatever the moment, every file is a prefix of the uninterrupted run's.
      for (const [path, bytes] of results(out)) {
        const want = c.reference.get(path);
        if (want === undefined || !want.subarray(0, bytes.length).equals(bytes)) c.damaged.push(`${path} after a kill at ${c.kills.at(-1)} bytes`);
      }
    }
  }
}

// BOHB, whose model makes the results take some 1.8 s to write from the build (regularized evolution's
// 15,000 trials took 0.4 s, and a loaded CI once let no kill land in them).
const run = chain('run', (out) => ['run', '--benchmark', 'nb201', '--optimizer', 'bohb', '--budget', '2000', '--quiet', '--out', out], FUZZ_SEED);
const compare = chain(
  'compare',
  (out) => ['compare', '--protocols', 'nb201', '--optimizers', 'rs,re,hyperband', '--seeds', '10', '--threads', '2', '--quiet', '--out', out],
  FUZZ_SEED + 1,
);
// A constrained grid: the constraint values on every line, and trials rejected before training on a cheap metric.
// Ten seeds so that its results take some 350 ms to write from the build: with four (150 ms) a loaded
// CI's polls once saw nothing before the last byte, and no kill landed while results were written.
const constrained = chain(
  'constrained',
  (out) => [
    'compare',
    '--protocols',
    'nb201-latency',
    '--optimizers',
    'rs,re',
    '--seeds',
    '10',
    '--threads',
    '2',
    '--constraint',
    'params_mb <= 1',
    '--objective',
    'err = valid_error',
    '--quiet',
    '--out',
    out,
  ],
  FUZZ_SEED + 2,
);
const chains = [run, compare, constrained];

describe('killed with SIGKILL at random moments and started again', () => {
  /**
   * The uninterrupted runs and the final runs are made in this process, the kills of both commands at
   * once in between: while the kills are timed, nothing else here holds up the polls that time them.
   */
  beforeAll(async () => {
    for (const c of chains) {
      await inProcess(c, 'whole');
      c.reference = results(join(c.cwd, 'whole'));
      c.total = runBytes(join(c.cwd, 'whole'));
    }
    await Promise.all(chains.map(killRepeatedly));
  }, 300_000);

  test.each([
    ['jahskit run ends byte-identical to an uninterrupted run', run],
    ['jahskit compare ends byte-identical to an uninterrupted grid, analysis included', compare],
    ['a constrained jahskit compare (--constraint, --objective) ends byte-identical too', constrained],
  ])('%s', async (_, c) => {
    expect(c.damaged, c.name).toEqual([]);
    // Most kills land while results are written (a fast machine may finish a run before the last one).
    expect(landed(c), `${c.name}: kills at ${c.kills.join(', ')} of ${c.total} bytes (attempt ${c.attempts} of ${ATTEMPTS})`).toBe(true);
    await inProcess(c, 'killed');
    const final = results(join(c.cwd, 'killed'));
    expect([...final.keys()].sort()).toEqual([...c.reference.keys()].sort());
    for (const [path, bytes] of c.reference) expect(final.get(path)?.equals(bytes), `${c.name}: ${path} differs from the uninterrupted run`).toBe(true);
  });
});
