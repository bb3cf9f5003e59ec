import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { snapshot } from '../compare/compareFixtures';

const bin = fileURLToPath(new URL('../../bin/jahskit.js', import.meta.url));
const grid = ['compare', '--protocols', 'nb201,jahs', '--optimizers', 'rs,re,hyperband', '--seeds', '10', '--threads', '2', '--quiet'];

function finishedRuns(out: string): number {
  let finished = 0;
  for (const task of ['nb201', 'jahs']) {
    for (const optimizer of ['rs', 're', 'hyperband']) {
      for (let seed = 0; seed < 10; seed++) {
        const path = join(out, task, optimizer, `seed${seed}.jsonl`);
        if (existsSync(path) && readFileSync(path, 'utf8').includes('{"end":')) finished++;
      }
    }
  }
  return finished;
}

/** The acceptance test of resumable grids: a real process, killed without warning halfway. */
describe('jahskit compare, killed and restarted', () => {
  test('3 optimizers x 2 benchmarks x 10 seeds end with exactly the results of an uninterrupted run', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-kill-'));
    const whole = spawnSync(process.execPath, [bin, ...grid, '--out', 'whole'], { cwd, encoding: 'utf8' });
    expect(whole.stderr).not.toMatch(/jahskit compare:/);
    expect(whole.status).toBe(0);

    // Detached, so that the kill reaches the whole process group (launcher, CLI and its threads).
    const child = spawn(process.execPath, [bin, ...grid, '--out', 'killed'], { cwd, detached: true, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let killedAt = -1;
    for (let waited = 0; waited < 60_000 && killedAt < 0; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
      const done = finishedRuns(join(cwd, 'killed'));
      if (done >= 30) {
        process.kill(-(child.pid as number), 'SIGKILL');
        killedAt = done;
      }
    }
    await exited;
    expect(killedAt).toBeGreaterThanOrEqual(30);
    const before = finishedRuns(join(cwd, 'killed'));
    expect(before).toBeLessThan(60);

    const resumed = spawnSync(process.execPath, [bin, ...grid, '--out', 'killed'], { cwd, encoding: 'utf8' });
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`resumed 60 runs .*\\(\\d+ new, \\d+ resumed, ${before} already finished\\)`));
    const a = snapshot(join(cwd, 'whole'));
    const b = snapshot(join(cwd, 'killed'));
    expect(a.size).toBe(60);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, bytes] of a) expect(b.get(path)?.equals(bytes), path).toBe(true);
  }, 180_000);
});
