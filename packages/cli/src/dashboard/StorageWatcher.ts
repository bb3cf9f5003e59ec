import { existsSync } from 'node:fs';
import { loadExpressionCompiler, type Constraint, type StudyStorage } from '@jahskit/core';
import type { GridQueue, QueuedRunState, StudyListing } from '@jahskit/storage';
import { CliError, describeError } from '../commandLineError';
import { loadStorage } from '../loadStorage';
import type { GridState } from './GridSnapshot';
import type { LiveRun } from './LiveRun';
import type { CachedRun } from './LiveRunCache';
import { recordedLiveRun } from './recordedLiveRun';
import type { DashboardSource } from './startDashboard';
import { storageGridState } from './storageGridState';
import { studyLiveRun } from './studyLiveRun';

/** Recorded results fetched per query: a run file can be a few hundred kilobytes. */
const RESULTS_PER_QUERY = 50;

/**
 * What a storage URL holds (the grids `compare --storage` queued in PostgreSQL and the studies of any
 * storage), polled since a storage has no folder to watch. Each poll asks for the grids, every run's
 * state and each study's new journal entries; a run's result is fetched once, when it is done (it
 * never changes after). The page is told of a change only when something moved.
 */
export class StorageWatcher implements DashboardSource {
  private current: GridState | undefined;
  private fingerprint = '';
  private failure: string | undefined;
  private readonly results = new Map<string, CachedRun>();
  private readonly listings = new Map<string, { readonly listing: StudyListing; readonly run: LiveRun | undefined }>();
  private readonly constraints = new Map<string, { readonly key: string; readonly compiled: Promise<readonly Constraint[]> }>();

  private constructor(
    readonly location: string,
    private readonly studies: StudyStorage,
    private readonly queue: GridQueue | undefined,
  ) {}

  /**
   * Opens the storage a URL names and reads it once, so that an unreachable server, a wrong password or
   * a missing journal file is an error now rather than an empty page.
   */
  static async open(url: string, cwd: string): Promise<StorageWatcher> {
    const { openStorage, PostgresGridQueue, FileJournalStorage } = await loadStorage();
    if (url === 'memory:')
      throw new CliError('usage', 'a memory: storage is empty in any other process; give a file: or postgresql:// storage', {
        parameter: 'storage',
        allowed: 'file:path.jsonl, postgresql://user@host:port/db',
      });
    const studies = openStorage(url, { cwd });
    if (studies instanceof FileJournalStorage && !existsSync(studies.path)) {
      await studies.close();
      throw new CliError('input', `${studies.location} does not exist; give the journal file that \`jahskit study create --storage\` wrote`, {
        parameter: 'storage',
      });
    }
    const queue = /^postgres(ql)?:\/\//.test(url) ? new PostgresGridQueue(url) : undefined;
    const watcher = new StorageWatcher(studies.location, studies, queue);
    try {
      await watcher.poll();
    } catch (error) {
      await watcher.close();
      throw error;
    }
    return watcher;
  }

  /** What the last poll found; while polls fail, the last good state with why. */
  state(): GridState {
    const state = this.current as GridState;
    if (this.failure === undefined) return state;
    return { ...state, snapshot: { ...state.snapshot, waiting: `${this.failure} (trying again; showing what was read before)` } };
  }

  /** Polls every `pollMs` until the returned function is called; `onChange` after a poll that found something new. */
  watch(onChange: () => void, pollMs = 1000): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const next = (): void => {
      timer = setTimeout(() => {
        this.poll()
          .then(
            (changed) => {
              const recovered = this.failure !== undefined;
              this.failure = undefined;
              if (!stopped && (changed || recovered)) onChange();
            },
            (error: unknown) => {
              const line = describeError(error).line;
              const fresh = line !== this.failure;
              this.failure = line;
              if (!stopped && fresh) onChange();
            },
          )
          .finally(() => {
            if (!stopped) next();
          });
      }, pollMs);
      timer.unref();
    };
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.studies.close(), this.queue?.close()]);
  }

  /** Reads what changed since the last poll; true when the state moved. */
  async poll(): Promise<boolean> {
    // Studies first: the study storage says why a server cannot be reached in the fewest words.
    const names = await this.studies.studies();
    const { readStudyListing } = await loadStorage();
    for (const name of names) {
      const before = this.listings.get(name);
      const listing = await readStudyListing(this.studies, name, before?.listing);
      if (listing === before?.listing) continue;
      this.listings.set(name, { listing, run: studyLiveRun(listing, await this.constraintsOf(listing)) });
    }
    const grids = this.queue === undefined ? [] : await this.queue.grids();
    const keys = [...new Set(grids.flatMap((g) => g.keys))];
    const states = this.queue === undefined || keys.length === 0 ? [] : await this.queue.runStates(keys);
    await this.fetchResults(states);
    const fingerprint = JSON.stringify([
      grids.map((g) => [g.id, g.recordedAt]),
      states.map((s) => [s.key, s.state, s.attempts, s.error ?? null]),
      names.map((name) => [name, this.listings.get(name)?.listing.lastSeq]),
    ]);
    if (fingerprint === this.fingerprint && this.current !== undefined) return false;
    this.fingerprint = fingerprint;
    this.current = storageGridState({
      location: this.location,
      grids,
      states: new Map(states.map((s) => [s.key, s])),
      results: this.results,
      studies: names.flatMap((name) => this.listings.get(name) ?? []),
    });
    return true;
  }

  private async fetchResults(states: readonly QueuedRunState[]): Promise<void> {
    const wanted = states.filter((s) => s.state === 'done' && !this.results.has(s.key)).map((s) => s.key);
    for (let i = 0; i < wanted.length && this.queue !== undefined; i += RESULTS_PER_QUERY) {
      const recorded = await this.queue.results(wanted.slice(i, i + RESULTS_PER_QUERY));
      for (const [key, content] of recorded) {
        try {
          this.results.set(key, { run: recordedLiveRun(content, `grid run ${key} in ${this.location}`) });
        } catch (error) {
          // One edited record must not hide the rest of the grid: it is shown as an error.
          this.results.set(key, { error: describeError(error).line });
        }
      }
    }
  }

  /** A study's constraints, compiled once (none without loading the expression compiler when it has none). */
  private constraintsOf(listing: StudyListing): Promise<readonly Constraint[]> {
    const spec = listing.spec;
    const expressions = spec?.constraints ?? [];
    if (spec === undefined || expressions.length === 0) return Promise.resolve([]);
    const key = JSON.stringify([expressions, spec.metrics ?? []]);
    let entry = this.constraints.get(listing.name);
    if (entry?.key !== key) {
      const known = [...spec.objectives.map((o) => o.name), ...(spec.metrics ?? [])];
      entry = { key, compiled: loadExpressionCompiler().then((compiler) => expressions.map((text) => compiler.constraint(text, known))) };
      this.constraints.set(listing.name, entry);
    }
    return entry.compiled;
  }
}
