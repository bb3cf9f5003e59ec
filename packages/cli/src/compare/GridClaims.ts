/** What a thread of a grid is to do next: run a job, wait for the others to make progress, or stop. */
export type Claim = { readonly kind: 'run'; readonly job: number } | { readonly kind: 'wait' } | { readonly kind: 'done' };

/** How a claimed job went, for the estimates: absent when it ran nothing (failed, or finished before). */
export interface JobTiming {
  readonly runSeconds: number;
  readonly loadSeconds: number;
}

/** Everything a grid thread needs to share the claims: plain data and shared memory, so it crosses threads. */
export interface GridClaimsData {
  /** Per job, the index of its benchmark (a thread loads each benchmark once). */
  readonly keys: readonly number[];
  /** Per job, the index of its (benchmark, optimizer) group: runs of a group cost about the same. */
  readonly groups: readonly number[];
  readonly claimers: number;
  readonly ints: SharedArrayBuffer;
  readonly micros: SharedArrayBuffer;
}

/**
 * Joining another thread's benchmark must save twice what the join costs (its load and a cold run):
 * at the break-even point the help gains nothing, while two threads on one benchmark slow each other
 * down and the work left comes in whole runs. Measured on the default grid: at break-even the grid's
 * own thread, done with nb201, loaded the JAHS model (0.3-0.4 s) to take two of the last runs and
 * finished after the thread it came to help.
 */
const JOIN_COST_FACTOR = 2;

const VERSION = 0;
const UNCLAIMED = 1;
const HEADER = 2;

/**
 * The jobs of a grid, claimed by its threads through shared memory, so that no thread waits for
 * another to hand it work. Each job is claimed exactly once (compare-and-swap); which thread takes
 * which job only changes the speed, never the results, since every job is deterministic.
 *
 * A thread's start-up is cheap, but loading a benchmark (a table, a model session) costs as much as
 * tens of runs, and a thread loads each one it touches. So a thread (claimer `c`) prefers, in order:
 * 1. a job of a benchmark it holds already, the longest first (from the runs measured so far), so that
 *    the last jobs of a grid are short ones and the threads finish together;
 * 2. a job of a benchmark no live thread holds (someone has to load it);
 * 3. a job of a benchmark other threads hold, only when those would take longer to finish its
 *    remaining jobs than this thread would take to load it and run one: otherwise it waits.
 * Threads start their scan at evenly spaced jobs (the grid is ordered by task), so two threads begin
 * on different benchmarks and meet, if at all, near the end.
 */
export class GridClaims {
  private readonly ints: Int32Array;
  private readonly micros: BigInt64Array;
  private readonly n: number;
  private readonly keyCount: number;
  private readonly groupCount: number;
  private readonly owner: number;
  private readonly done: number;
  private readonly holds: number;
  private readonly retired: number;
  private readonly runs: number;
  private readonly groupKey: Int32Array;

  private constructor(readonly data: GridClaimsData) {
    this.n = data.keys.length;
    this.keyCount = count(data.keys);
    this.groupCount = count(data.groups);
    const c = data.claimers;
    this.owner = HEADER;
    this.done = this.owner + this.n;
    this.holds = this.done + this.n;
    this.retired = this.holds + c * this.keyCount;
    this.runs = this.retired + c;
    this.ints = new Int32Array(data.ints);
    this.micros = new BigInt64Array(data.micros);
    this.groupKey = new Int32Array(this.groupCount);
    for (let j = 0; j < this.n; j++) this.groupKey[data.groups[j]!] = data.keys[j]!;
  }

  /** Claims for jobs described by their benchmark key and their group (any strings: equal means same). */
  static create(keys: readonly string[], groups: readonly string[], claimers: number): GridClaims {
    if (keys.length !== groups.length) throw new RangeError('GridClaims: one key and one group per job');
    if (!Number.isInteger(claimers) || claimers < 1) throw new RangeError(`GridClaims: claimers must be an integer >= 1, got ${claimers}`);
    const keyIndex = indexer();
    const groupIndex = indexer();
    const jobKeys = keys.map(keyIndex);
    const jobGroups = groups.map((g, j) => groupIndex(`${jobKeys[j]}\n${g}`));
    const keyCount = count(jobKeys);
    const groupCount = count(jobGroups);
    const ints = new SharedArrayBuffer(4 * (HEADER + 2 * keys.length + claimers * keyCount + claimers + claimers * groupCount));
    const micros = new SharedArrayBuffer(8 * (2 * claimers * groupCount + claimers * keyCount));
    new Int32Array(ints)[UNCLAIMED] = keys.length;
    return new GridClaims({ keys: jobKeys, groups: jobGroups, claimers, ints, micros });
  }

  /** The same claims, in another thread. */
  static attach(data: GridClaimsData): GridClaims {
    return new GridClaims(data);
  }

  /** Changes whenever a job is claimed or finished or a thread retires: what a waiting thread waits on. */
  get version(): number {
    return Atomics.load(this.ints, VERSION);
  }

  get unclaimed(): number {
    return Atomics.load(this.ints, UNCLAIMED);
  }

  /** The thread that claimed a job, or -1. */
  ownerOf(job: number): number {
    return Atomics.load(this.ints, this.owner + job) - 1;
  }

  isFinished(job: number): boolean {
    return Atomics.load(this.ints, this.done + job) === 1;
  }

  claim(claimer: number): Claim {
    this.checkClaimer(claimer);
    for (;;) {
      if (Atomics.load(this.ints, this.retired + claimer) === 1 || this.unclaimed === 0) return { kind: 'done' };
      const job = this.pick(claimer);
      if (job < 0) return { kind: 'wait' };
      if (Atomics.compareExchange(this.ints, this.owner + job, 0, claimer + 1) !== 0) continue;
      Atomics.sub(this.ints, UNCLAIMED, 1);
      Atomics.store(this.ints, this.holds + claimer * this.keyCount + this.data.keys[job]!, 1);
      this.bump();
      return { kind: 'run', job };
    }
  }

  /**
   * A claimed job is over. `holdsBenchmark`: whether the thread has its benchmark loaded now (not
   * when the job had finished before and loaded nothing, or when the load failed).
   */
  finish(claimer: number, job: number, timing: JobTiming | undefined, holdsBenchmark: boolean): void {
    this.checkClaimer(claimer);
    if (this.ownerOf(job) !== claimer) throw new RangeError(`GridClaims: job ${job} is not claimed by thread ${claimer}`);
    const key = this.data.keys[job]!;
    if (timing !== undefined) {
      const group = this.data.groups[job]!;
      const slot = claimer * this.groupCount + group;
      const run = micros(timing.runSeconds);
      // A thread's first run of a group also warms its code up: kept apart from the warm ones.
      if (Atomics.add(this.ints, this.runs + slot, 1) === 0) Atomics.store(this.micros, this.data.claimers * this.groupCount + slot, run);
      Atomics.add(this.micros, slot, run);
      const load = 2 * this.data.claimers * this.groupCount + claimer * this.keyCount + key;
      if (timing.loadSeconds > 0 && Atomics.load(this.micros, load) === 0n) Atomics.store(this.micros, load, micros(timing.loadSeconds) + 1n);
    }
    Atomics.store(this.ints, this.holds + claimer * this.keyCount + key, holdsBenchmark ? 1 : 0);
    Atomics.store(this.ints, this.done + job, 1);
    this.bump();
  }

  /**
   * A job whose benchmark this thread might load while it has nothing to claim (`claim` said wait):
   * a benchmark that other threads hold, that this thread does not, that has unclaimed jobs enough
   * for one more thread (at least two for each thread that would then hold it), and whose costs are
   * not all measured yet; the one with the most such jobs; -1 when there is none. `skip`: benchmarks
   * this thread already tried to load.
   *
   * Loading costs an idle thread no wall time while the other threads run. Once it holds the
   * benchmark (`holdBenchmarkOf`), the benchmark's jobs are its own to claim, instead of waiting for the
   * holders' first runs to show that helping pays, then loading, then running. Once they have shown
   * it (its load and runs measured), `claim` decides: a load that does not pay is CPU taken from the
   * others, and it delays this thread's next work (the grid's analysis, for the grid's own thread).
   */
  preloadCandidate(claimer: number, skip: (key: number) => boolean = () => false): number {
    this.checkClaimer(claimer);
    const K = this.keyCount;
    const holders = new Int32Array(K);
    for (let c = 0; c < this.data.claimers; c++) {
      if (Atomics.load(this.ints, this.retired + c) === 1) continue;
      for (let k = 0; k < K; k++) holders[k]! += Atomics.load(this.ints, this.holds + c * K + k);
    }
    const unclaimed = new Int32Array(K);
    const first = new Int32Array(K).fill(-1);
    for (let job = 0; job < this.n; job++) {
      if (Atomics.load(this.ints, this.owner + job) !== 0) continue;
      const k = this.data.keys[job]!;
      unclaimed[k]!++;
      if (first[k]! < 0) first[k] = job;
    }
    const measured = this.measured();
    let best = -1;
    let most = 0;
    for (let k = 0; k < K; k++) {
      if (Atomics.load(this.ints, this.holds + claimer * K + k) === 1 || holders[k] === 0 || skip(k)) continue;
      if (!Number.isNaN(this.helpMargin(k, holders[k]!, measured))) continue;
      if (unclaimed[k]! >= 2 * (holders[k]! + 1) && unclaimed[k]! > most) {
        best = first[k]!;
        most = unclaimed[k]!;
      }
    }
    return best;
  }

  /** This thread has loaded the benchmark of `job` (see `preloadCandidate`) and now holds it. */
  holdBenchmarkOf(claimer: number, job: number): void {
    this.checkClaimer(claimer);
    Atomics.store(this.ints, this.holds + claimer * this.keyCount + this.data.keys[job]!, 1);
    this.bump();
  }

  /**
   * A thread is gone (it failed, or stopped early): it claims nothing more and its benchmarks count as
   * held by no one. Returns the jobs it had claimed and not finished, now counted as finished.
   */
  retire(claimer: number): number[] {
    this.checkClaimer(claimer);
    Atomics.store(this.ints, this.retired + claimer, 1);
    for (let k = 0; k < this.keyCount; k++) Atomics.store(this.ints, this.holds + claimer * this.keyCount + k, 0);
    const lost: number[] = [];
    for (let j = 0; j < this.n; j++) {
      if (this.ownerOf(j) === claimer && Atomics.compareExchange(this.ints, this.done + j, 0, 1) === 0) lost.push(j);
    }
    this.bump();
    return lost;
  }

  /** Blocks until the version moves from `seen` (or `timeoutMs` passes); for grid threads, never the main thread. */
  waitForChange(seen: number, timeoutMs: number): void {
    Atomics.wait(this.ints, VERSION, seen, timeoutMs);
  }

  private bump(): void {
    Atomics.add(this.ints, VERSION, 1);
    Atomics.notify(this.ints, VERSION);
  }

  private checkClaimer(claimer: number): void {
    if (!Number.isInteger(claimer) || claimer < 0 || claimer >= this.data.claimers)
      throw new RangeError(`GridClaims: no thread ${claimer} of ${this.data.claimers}`);
  }

  /**
   * Seconds of work left unclaimed, from the runs measured so far: infinite while a group with
   * unclaimed jobs has not been measured (its runs may be long). What a grid weighs against the
   * start-up of one more thread.
   */
  unclaimedSeconds(): number {
    const { groupMean } = this.measured();
    let total = 0;
    for (let job = 0; job < this.n; job++) {
      if (Atomics.load(this.ints, this.owner + job) === 0) total += groupMean[this.data.groups[job]!]!;
    }
    return Number.isNaN(total) ? Number.POSITIVE_INFINITY : total;
  }

  /**
   * Per-group run time (NaN: not measured): the mean of the warm runs, since a thread's first run of a
   * group also warms its code up, else of the first ones; the mean of the first runs; and a job's
   * estimate (else its benchmark's mean over its measured groups).
   */
  private measured(): {
    readonly groupMean: Float64Array;
    readonly firstMean: Float64Array;
    readonly estimate: (job: number) => number;
    readonly warmEstimate: (job: number) => number;
  } {
    const { keys, groups, claimers } = this.data;
    const K = this.keyCount;
    const G = this.groupCount;
    const groupMean = new Float64Array(G).fill(Number.NaN);
    const firstMean = new Float64Array(G).fill(Number.NaN);
    const keySum = new Float64Array(K);
    const keyRuns = new Float64Array(K);
    const warmMean = new Float64Array(G).fill(Number.NaN);
    const keyWarmSum = new Float64Array(K);
    const keyWarmRuns = new Float64Array(K);
    for (let g = 0; g < G; g++) {
      let runs = 0;
      let firstRuns = 0;
      let total = 0n;
      let first = 0n;
      for (let c = 0; c < claimers; c++) {
        const n = Atomics.load(this.ints, this.runs + c * G + g);
        if (n === 0) continue;
        runs += n;
        firstRuns++;
        total += Atomics.load(this.micros, c * G + g);
        first += Atomics.load(this.micros, claimers * G + c * G + g);
      }
      if (runs > 0) {
        // The warm runs when there are any: what the rest of the group costs a thread already on it.
        const mean = runs > firstRuns ? Number(total - first) / 1e6 / (runs - firstRuns) : Number(total) / 1e6 / runs;
        groupMean[g] = mean;
        firstMean[g] = Number(first) / 1e6 / firstRuns;
        const k = this.groupKey[g]!;
        keySum[k] = keySum[k]! + mean * runs;
        keyRuns[k] = keyRuns[k]! + runs;
        if (runs > firstRuns) {
          warmMean[g] = mean;
          keyWarmSum[k] = keyWarmSum[k]! + Number(total - first) / 1e6;
          keyWarmRuns[k] = keyWarmRuns[k]! + runs - firstRuns;
        }
      }
    }
    const estimate = (job: number): number => {
      const g = groupMean[groups[job]!]!;
      if (!Number.isNaN(g)) return g;
      const k = keys[job]!;
      return keyRuns[k]! > 0 ? keySum[k]! / keyRuns[k]! : Number.NaN;
    };
    // Warm runs only (else the benchmark's warm mean; NaN while it has none): what helping weighs. A
    // first run alone also holds what a benchmark computes on first use (NAS-Bench-201's optimum:
    // 0.2-0.3 s, against runs of 0.01 s), so it would make a few short runs look worth a load.
    const warmEstimate = (job: number): number => {
      const g = warmMean[groups[job]!]!;
      if (!Number.isNaN(g)) return g;
      const k = keys[job]!;
      return keyWarmRuns[k]! > 0 ? keyWarmSum[k]! / keyWarmRuns[k]! : Number.NaN;
    };
    return { groupMean, firstMean, estimate, warmEstimate };
  }

  /** The job this thread should claim now, or -1 to wait (see the class comment). */
  private pick(claimer: number): number {
    const { keys, groups, claimers } = this.data;
    const K = this.keyCount;
    const { groupMean, firstMean, estimate, warmEstimate } = this.measured();
    const holders = new Int32Array(K);
    for (let c = 0; c < claimers; c++) {
      if (Atomics.load(this.ints, this.retired + c) === 1) continue;
      for (let k = 0; k < K; k++) holders[k]! += Atomics.load(this.ints, this.holds + c * K + k);
    }
    const mine = (k: number): boolean => Atomics.load(this.ints, this.holds + claimer * K + k) === 1;

    let own = -1;
    let ownEstimate = Number.NEGATIVE_INFINITY;
    let free = -1;
    // Benchmarks held by others: the work left on them, and their longest job.
    const left = new Float64Array(K);
    const longest = new Int32Array(K).fill(-1);
    const longestEstimate = new Float64Array(K).fill(Number.NEGATIVE_INFINITY);
    const start = Math.floor((claimer * this.n) / claimers);
    for (let i = 0; i < this.n; i++) {
      const job = (start + i) % this.n;
      if (Atomics.load(this.ints, this.owner + job) !== 0) continue;
      const k = keys[job]!;
      // A group not measured yet counts as the longest: its first run goes early, and measures it.
      const measured = groupMean[groups[job]!]!;
      const rank = Number.isNaN(measured) ? Number.POSITIVE_INFINITY : measured;
      if (mine(k)) {
        if (rank > ownEstimate) {
          own = job;
          ownEstimate = rank;
        }
      } else if (holders[k] === 0) {
        if (free < 0) free = job;
      } else {
        left[k]! += warmEstimate(job);
        if (rank > longestEstimate[k]!) {
          longest[k] = job;
          longestEstimate[k] = rank;
        }
      }
    }
    if (own >= 0) return own;
    if (free >= 0) return free;

    let best = -1;
    let bestMargin = 0;
    for (let k = 0; k < K; k++) {
      const job = longest[k]!;
      if (job < 0) continue;
      const margin = this.margin(k, holders[k]!, left[k]!, job, { firstMean, estimate });
      // Unknown costs (NaN): wait until the holders have measured them.
      if (margin > bestMargin) {
        best = job;
        bestMargin = margin;
      }
    }
    return best;
  }

  /**
   * What this thread would save by loading benchmark `k` (held by `holders` threads, `left` seconds of
   * its unclaimed work, `job` the longest of it) and helping: the holders' share of the work left,
   * less the load and a cold first run (see JOIN_COST_FACTOR). NaN while any of these costs is unmeasured.
   */
  private margin(
    k: number,
    holders: number,
    left: number,
    job: number,
    measured: { readonly firstMean: Float64Array; readonly estimate: (job: number) => number },
  ): number {
    const load = this.loadEstimate(k);
    // This thread's first run of the group is a cold one, as the holders' first ones were: code
    // warming up, and what a benchmark builds on first use (a model session, tables).
    const cold = measured.firstMean[this.data.groups[job]!]!;
    const e = Number.isNaN(cold) ? measured.estimate(job) : cold;
    return left / holders - JOIN_COST_FACTOR * (load + e);
  }

  /** `margin` for benchmark `k` over all its unclaimed jobs. */
  private helpMargin(k: number, holders: number, measured: ReturnType<GridClaims['measured']>): number {
    let left = 0;
    let job = -1;
    let longest = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < this.n; j++) {
      if (this.data.keys[j] !== k || Atomics.load(this.ints, this.owner + j) !== 0) continue;
      left += measured.warmEstimate(j);
      const mean = measured.groupMean[this.data.groups[j]!]!;
      const rank = Number.isNaN(mean) ? Number.POSITIVE_INFINITY : mean;
      if (job < 0 || rank > longest) {
        job = j;
        longest = rank;
      }
    }
    return job < 0 ? Number.NaN : this.margin(k, holders, left, job, measured);
  }

  /** Seconds to load benchmark `k`, as measured by the threads that did (NaN while none has). */
  private loadEstimate(k: number): number {
    const base = 2 * this.data.claimers * this.groupCount;
    let total = 0;
    let count = 0;
    for (let c = 0; c < this.data.claimers; c++) {
      const m = Atomics.load(this.micros, base + c * this.keyCount + k);
      if (m > 0n) {
        total += Number(m - 1n) / 1e6;
        count++;
      }
    }
    return count > 0 ? total / count : Number.NaN;
  }
}

function indexer(): (name: string) => number {
  const index = new Map<string, number>();
  return (name) => {
    let i = index.get(name);
    if (i === undefined) {
      i = index.size;
      index.set(name, i);
    }
    return i;
  };
}

/** How many distinct indices 0..max a list uses (at least one, so that empty grids need no special case). */
function count(indices: readonly number[]): number {
  let max = 0;
  for (const i of indices) if (i > max) max = i;
  return max + 1;
}

function micros(seconds: number): bigint {
  return BigInt(Math.max(0, Math.round(seconds * 1e6)));
}
