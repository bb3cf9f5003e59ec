import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { GridClaims, type Claim } from './GridClaims';

const runs = (claims: GridClaims, claimer: number): number[] => {
  const got: number[] = [];
  for (let claim: Claim = claims.claim(claimer); claim.kind === 'run'; claim = claims.claim(claimer)) {
    got.push(claim.job);
    claims.finish(claimer, claim.job, { runSeconds: 0.01, loadSeconds: got.length === 1 ? 0.2 : 0 }, true);
  }
  return got;
};

describe('GridClaims', () => {
  test('one thread claims every job once, then is done', () => {
    const claims = GridClaims.create(['a', 'a', 'b', 'b', 'c'], ['x', 'y', 'x', 'y', 'x'], 1);
    expect(runs(claims, 0).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(claims.claim(0)).toEqual({ kind: 'done' });
    expect(claims.unclaimed).toBe(0);
  });

  test('two threads start on different benchmarks', () => {
    const claims = GridClaims.create(['a', 'a', 'a', 'b', 'b', 'b'], ['x', 'x', 'x', 'x', 'x', 'x'], 2);
    expect(claims.claim(0)).toEqual({ kind: 'run', job: 0 });
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 3 });
    // Each then keeps to the benchmark it holds.
    expect(claims.claim(0)).toEqual({ kind: 'run', job: 1 });
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 4 });
  });

  test("a thread loads another's benchmark only when the work left on it outlasts the load", () => {
    // Thread 0 holds 'a' and has measured: 1 s to load, 0.01 s a run. Nine short runs are left: not worth a load.
    const claims = GridClaims.create(Array(10).fill('a'), Array(10).fill('x'), 2);
    expect(claims.claim(0)).toEqual({ kind: 'run', job: 0 });
    expect(claims.claim(1)).toEqual({ kind: 'wait' });
    claims.finish(0, 0, { runSeconds: 0.01, loadSeconds: 1 }, true);
    expect(claims.claim(1)).toEqual({ kind: 'wait' });

    // Runs of 0.5 s: 4 s left for thread 0 alone, more than a load and a run.
    const long = GridClaims.create(Array(10).fill('a'), Array(10).fill('x'), 2);
    for (const job of [0, 1]) {
      expect(long.claim(0)).toEqual({ kind: 'run', job });
      long.finish(0, job, { runSeconds: 0.5, loadSeconds: job === 0 ? 1 : 0 }, true);
    }
    expect(long.claim(1)).toMatchObject({ kind: 'run' });

    // Runs of 0.25 s: 2 s left, more than a load and a cold run (1.25 s), but not twice as much: joining
    // would gain next to nothing, and two threads on one benchmark slow each other down.
    const even = GridClaims.create(Array(10).fill('a'), Array(10).fill('x'), 2);
    for (const job of [0, 1]) {
      expect(even.claim(0)).toEqual({ kind: 'run', job });
      even.finish(0, job, { runSeconds: 0.25, loadSeconds: job === 0 ? 1 : 0 }, true);
    }
    expect(even.claim(1)).toEqual({ kind: 'wait' });
  });

  test('a first run alone does not tell what the rest costs: no help until a warm run is measured', () => {
    // NAS-Bench-201 computes its optimum on first use: a first run of 0.3 s, then runs of 0.01 s.
    const claims = GridClaims.create(Array(4).fill('a'), Array(4).fill('x'), 2);
    expect(claims.claim(0)).toEqual({ kind: 'run', job: 0 });
    claims.finish(0, 0, { runSeconds: 0.3, loadSeconds: 0.05 }, true);
    expect(claims.claim(1)).toEqual({ kind: 'wait' });
    expect(claims.claim(0)).toMatchObject({ kind: 'run' });
  });

  test("joining another thread's benchmark counts the first run there as cold", () => {
    // Warm runs of 0.1 s, 9 left: 0.9 s for thread 0 alone. Loading (0.2 s) and one warm run would
    // pay, but the first run on a benchmark took 1 s (a model session built on first use): it does not.
    const claims = GridClaims.create(Array(12).fill('a'), Array(12).fill('x'), 2);
    for (const [job, run] of [
      [0, 1],
      [1, 0.1],
      [2, 0.1],
    ] as const) {
      expect(claims.claim(0)).toEqual({ kind: 'run', job });
      claims.finish(0, job, { runSeconds: run, loadSeconds: job === 0 ? 0.2 : 0 }, true);
    }
    expect(claims.claim(1)).toEqual({ kind: 'wait' });
  });

  test('the longest runs of a benchmark go first once measured, unmeasured ones before them', () => {
    const claims = GridClaims.create(Array(6).fill('a'), ['cheap', 'cheap', 'dear', 'dear', 'mid', 'mid'], 1);
    const order: number[] = [];
    const cost: Record<number, number> = { 0: 0.01, 1: 0.01, 2: 1, 3: 1, 4: 0.1, 5: 0.1 };
    for (let claim = claims.claim(0); claim.kind === 'run'; claim = claims.claim(0)) {
      order.push(claim.job);
      claims.finish(0, claim.job, { runSeconds: cost[claim.job]!, loadSeconds: 0 }, true);
    }
    // Job 0 measures 'cheap'; the unmeasured groups come next (2, 4), then by cost.
    expect(order).toEqual([0, 2, 4, 3, 5, 1]);
  });

  test("the work left is estimated from warm runs: a thread's first run of a group also warms its code up", () => {
    const claims = GridClaims.create(Array(10).fill('a'), Array(10).fill('x'), 1);
    expect(claims.unclaimedSeconds()).toBe(Number.POSITIVE_INFINITY);
    claims.claim(0);
    claims.finish(0, 0, { runSeconds: 1, loadSeconds: 0.5 }, true);
    expect(claims.unclaimedSeconds()).toBeCloseTo(9, 6);
    claims.claim(0);
    claims.finish(0, 1, { runSeconds: 0.01, loadSeconds: 0 }, true);
    expect(claims.unclaimedSeconds()).toBeCloseTo(8 * 0.01, 6);
  });

  test('a job whose benchmark was not loaded (finished before, or failed) does not make the thread hold it', () => {
    const claims = GridClaims.create(['a', 'a', 'a', 'a'], ['x', 'x', 'x', 'x'], 2);
    expect(claims.claim(0)).toEqual({ kind: 'run', job: 0 });
    claims.finish(0, 0, undefined, false);
    // Nobody holds 'a' now: thread 1 may take one without waiting for estimates.
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 2 });
  });

  test("a retired thread's unfinished jobs come back as lost, and its benchmarks are free", () => {
    const claims = GridClaims.create(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'x'], 2);
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 2 });
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 3 });
    claims.finish(1, 2, { runSeconds: 0.1, loadSeconds: 0.1 }, true);
    expect(claims.retire(1)).toEqual([3]);
    expect(claims.isFinished(3)).toBe(true);
    expect(claims.claim(1)).toEqual({ kind: 'done' });
    expect(runs(claims, 0)).toEqual([0, 1]);
    expect(claims.claim(0)).toEqual({ kind: 'done' });
  });

  test('the shared state is the same seen from another thread', () => {
    const claims = GridClaims.create(['a', 'b'], ['x', 'x'], 2);
    const other = GridClaims.attach(structuredClone(claims.data));
    expect(other.claim(0)).toEqual({ kind: 'run', job: 0 });
    expect(claims.ownerOf(0)).toBe(0);
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 1 });
    expect(other.claim(0)).toEqual({ kind: 'done' });
  });

  test('an idle thread may load a benchmark others hold, while enough of its jobs are left, and then claims them as its own', () => {
    // Thread 0 finished benchmark a; thread 1 holds b, measured nothing yet: thread 0 would wait.
    const claims = GridClaims.create(['a', 'b', 'b', 'b', 'b', 'b'], ['x', 'x', 'x', 'x', 'x', 'x'], 2);
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 3 });
    expect(claims.claim(0)).toEqual({ kind: 'run', job: 0 });
    claims.finish(0, 0, { runSeconds: 0.01, loadSeconds: 0.1 }, true);
    expect(claims.claim(0)).toEqual({ kind: 'wait' });
    // b has 4 unclaimed jobs, enough for two holders (2 each): thread 0 should load it.
    expect(claims.preloadCandidate(0)).toBe(1);
    expect(claims.preloadCandidate(0, (key) => key === 1)).toBe(-1);
    // Thread 1 holds b already; a has no unclaimed job.
    expect(claims.preloadCandidate(1)).toBe(-1);
    claims.holdBenchmarkOf(0, 1);
    const claim = claims.claim(0);
    expect(claim.kind === 'run' && [1, 2, 4, 5].includes(claim.job)).toBe(true);
    expect(claims.preloadCandidate(0)).toBe(-1);
  });

  test('no preloading once the holders have measured that helping does not pay; claim decides then', () => {
    const grid = (runSeconds: number): GridClaims => {
      // Thread 0 is done with a; thread 1 holds b and has measured a load of 1 s and two runs.
      const claims = GridClaims.create(['a', ...Array(10).fill('b')], Array(11).fill('x'), 2);
      expect(claims.claim(0)).toEqual({ kind: 'run', job: 0 });
      for (const loadSeconds of [1, 0]) {
        const claim = claims.claim(1);
        if (claim.kind !== 'run') throw new Error('thread 1 should run b');
        claims.finish(1, claim.job, { runSeconds, loadSeconds }, true);
      }
      claims.finish(0, 0, { runSeconds: 0.01, loadSeconds: 0.1 }, true);
      return claims;
    };
    // Runs of 0.01 s: eight left (0.08 s) do not pay for a load: thread 0 neither loads b nor claims.
    const short = grid(0.01);
    expect(short.claim(0)).toEqual({ kind: 'wait' });
    expect(short.preloadCandidate(0)).toBe(-1);
    // Runs of 2 s: 16 s left, far more than a load and a cold run: claim takes a job (its load comes
    // with it), and nothing is left to preload.
    const long = grid(2);
    expect(long.claim(0)).toMatchObject({ kind: 'run' });
  });

  test('no preloading when too few jobs are left for one more thread', () => {
    const claims = GridClaims.create(['a', 'b', 'b', 'b'], ['x', 'x', 'x', 'x'], 2);
    expect(claims.claim(1)).toEqual({ kind: 'run', job: 2 });
    expect(claims.claim(0)).toEqual({ kind: 'run', job: 0 });
    // Two unclaimed jobs of b, and two holders would need four.
    expect(claims.preloadCandidate(0)).toBe(-1);
  });

  test('bad arguments are refused', () => {
    expect(() => GridClaims.create(['a'], [], 1)).toThrow(/one key and one group per job/);
    expect(() => GridClaims.create(['a'], ['x'], 0)).toThrow(/claimers must be an integer >= 1/);
    const claims = GridClaims.create(['a'], ['x'], 1);
    expect(() => claims.claim(1)).toThrow(/no thread 1 of 1/);
    expect(() => claims.finish(0, 0, undefined, false)).toThrow(/job 0 is not claimed by thread 0/);
  });

  /**
   * Any grid, any number of threads, any order in which they act and any run times: every job is
   * claimed by exactly one thread and finished, and the threads never all wait while jobs are left.
   */
  propertyTest.prop([
    fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 40 }),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.nat(), { minLength: 1, maxLength: 200 }),
    fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 20 }),
  ])('every job runs exactly once and the threads never stall', (grid, threads, choices, costs) => {
    const claims = GridClaims.create(
      grid.map(([k]) => `k${k}`),
      grid.map(([, g]) => `g${g}`),
      threads,
    );
    const busy = new Map<number, number>();
    const ran = new Map<number, number>();
    let step = 0;
    for (let guard = 0; guard < 100_000; guard++) {
      const idle = [...Array(threads).keys()].filter((c) => !busy.has(c));
      if (claims.unclaimed === 0 && busy.size === 0) break;
      // Threads act in an arbitrary order: one finishes its job, or one idle thread asks for work.
      const choice = choices[step++ % choices.length]!;
      const finishOne = (): void => {
        const finishing = [...busy.keys()];
        const c = finishing[choice % finishing.length]!;
        const job = busy.get(c)!;
        busy.delete(c);
        claims.finish(c, job, { runSeconds: costs[job % costs.length]!, loadSeconds: costs[(job + 1) % costs.length]! }, true);
      };
      if (busy.size > 0 && (idle.length === 0 || choice % 2 === 0)) {
        finishOne();
        continue;
      }
      const answers = idle.map((c) => [c, claims.claim(c)] as const);
      const working = answers.filter(([, a]) => a.kind === 'run');
      // With nothing running, waiting would last for ever: some idle thread must get a job.
      if (busy.size === 0 && claims.unclaimed + working.length > 0) expect(working.length).toBeGreaterThan(0);
      for (const [c, a] of working) {
        if (a.kind !== 'run') continue;
        expect(ran.has(a.job)).toBe(false);
        ran.set(a.job, c);
        busy.set(c, a.job);
      }
      if (working.length === 0 && busy.size > 0) finishOne();
    }
    expect([...ran.keys()].sort((a, b) => a - b)).toEqual([...grid.keys()]);
    for (const [job, c] of ran) {
      expect(claims.ownerOf(job)).toBe(c);
      expect(claims.isFinished(job)).toBe(true);
    }
  });
});
