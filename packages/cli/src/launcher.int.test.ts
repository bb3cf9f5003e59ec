import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { memoryIo } from './cliFixtures';
import { snapshot } from './compare/compareFixtures';
import { runCli } from './runCli';

const bin = fileURLToPath(new URL('../bin/jahskit.js', import.meta.url));
// About 20 short runs: long enough that the signal lands in the middle of the grid.
const grid = ['compare', '--protocols', 'nb201', '--optimizers', 'rs,re', '--seeds', '10', '--threads', '1', '--quiet'];

/** Every file under dir with its size and modification time: any write changes it. */
function filesState(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => ({ rel, stat: statSync(join(dir, rel)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ rel, stat }) => `${rel} ${stat.size} ${stat.mtimeMs}`)
    .sort();
}

function hasRunFile(dir: string): boolean {
  return filesState(dir).some((line) => /seed\d\.jsonl /.test(line));
}

/** The PIDs whose command line names `marker` (Linux; elsewhere none can be seen). */
function processesNaming(marker: string): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) pids.push(Number(name));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A job runner or a user stops `jahskit` by signalling the PID it started: that must stop the work
 * itself, at once, and leave files that a rerun completes to exactly the results of an uninterrupted run.
 */
describe('the jahskit launcher, signalled', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'jahskit-launcher-'));
  let whole: Map<string, Buffer>;

  beforeAll(async () => {
    expect(await runCli([...grid, '--out', join(cwd, 'whole')], memoryIo('', cwd))).toBe(0);
    whole = snapshot(join(cwd, 'whole'));
    expect(whole.size).toBe(20);
  }, 60_000);

  test.each(['SIGTERM', 'SIGKILL'] as const)(
    '%s to the launcher PID stops the run within a second; rerunning completes it',
    async (signal) => {
      const out = join(cwd, `killed-${signal}`);
      // Not detached and no process group: the signal reaches only the PID that was started.
      const launcher = spawn(process.execPath, [bin, ...grid, '--out', out], { cwd, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => launcher.on('exit', (code, sig) => resolve(sig ?? code)));
      for (let waited = 0; !hasRunFile(out) && waited < 30_000; waited += 10) await sleep(10);
      expect(hasRunFile(out)).toBe(true);
      const sentAt = Date.now();
      launcher.kill(signal);
      expect(existsSync(join(out, 'analysis.json')), 'the grid was finished before the signal').toBe(false);
      // Dying of the signal is what a shell reports as 128 + its number (130 for SIGINT, 143 for SIGTERM).
      expect(await exited).toBe(signal);
      expect(Date.now() - sentAt).toBeLessThan(1000);

      const atExit = filesState(out);
      await sleep(1500);
      expect(filesState(out)).toEqual(atExit);
      expect(processesNaming(out)).toEqual([]);

      // The same command again (in this process, which writes exactly what the launcher's would).
      const rerun = memoryIo('', cwd);
      expect(await runCli([...grid, '--out', out], rerun)).toBe(0);
      expect(rerun.out()).toMatch(/^resumed 20 runs/);
      const resumed = snapshot(out);
      expect([...resumed.keys()].sort()).toEqual([...whole.keys()].sort());
      for (const [path, bytes] of whole) expect(resumed.get(path)?.equals(bytes), path).toBe(true);
    },
    60_000,
  );
});
