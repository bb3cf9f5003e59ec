import type { Configuration, JsonValue, Observation, Trial } from '@jahskit/core';
import { z } from 'zod';
import type { ConfigSampler } from './ConfigSampler';
import type { FidelityLadder } from './FidelityLadder';
import { byStanding, rank, restoreRungEntry, rungEntrySchema, saveRungEntry, settlePending, type RungEntry, type SavedRungEntry } from './SynchronousBrackets';

interface SavedHalving {
  readonly next: number;
  readonly rungs: SavedRungEntry[][];
  readonly promoted: number[][];
  readonly sampler: unknown;
}

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020) with minimum early-stopping rate 0: it
 * never waits. A free worker gets the promotion of a finished trial that is among the top
 * floor(n_k / eta) of its rung k (highest rung first) and has not been promoted yet; otherwise a
 * new configuration at the bottom rung. A rung ranks its trials by Deb's rules at the rung's fidelity
 * (`entryStanding`: feasible by value, then infeasible by total violation, then failed). Failed
 * trials count in n_k but are never promoted.
 */
export class AsynchronousHalving {
  private next = 0;
  /** Finished (or pending, value null) trials per ladder rung. */
  private rungs: RungEntry[][];
  /** Ids promoted out of each rung. */
  private promoted: Set<number>[];
  private readonly pending = new Map<number, RungEntry>();
  /** Finished entries of each rung, best first (built lazily, then kept sorted on insertion). */
  private ranked: (RungEntry[] | undefined)[];

  constructor(
    private readonly ladder: FidelityLadder,
    private readonly sampler: ConfigSampler,
  ) {
    this.rungs = ladder.budgets.map(() => []);
    this.promoted = ladder.budgets.map(() => new Set<number>());
    this.ranked = ladder.budgets.map(() => undefined);
    const rungs = ladder.budgets.length;
    this.stateSchema = z.object({
      next: z.number().int().min(0),
      rungs: z.array(z.array(rungEntrySchema(sampler.space))).length(rungs),
      promoted: z.array(z.array(z.number().int().min(0))).length(rungs),
      sampler: sampler.stateSchema,
    });
  }

  /** What `state()` writes (one list per ladder rung), checked on restore. */
  readonly stateSchema: z.ZodType<SavedHalving>;

  private rankedAt(k: number): RungEntry[] {
    let ranked = this.ranked[k];
    if (ranked === undefined) this.ranked[k] = ranked = rank((this.rungs[k] as RungEntry[]).filter((e) => e.value !== null));
    return ranked;
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    for (let i = 0; i < n; i++) trials.push(this.one());
    return trials;
  }

  private one(): Trial {
    const id = this.next++;
    for (let k = this.ladder.sMax - 1; k >= 0; k--) {
      const finished = this.rankedAt(k);
      const top = Math.floor(finished.length / this.ladder.eta);
      const promoted = this.promoted[k] as Set<number>;
      let candidate: RungEntry | undefined;
      for (let i = 0; i < top && candidate === undefined; i++) {
        const e = finished[i] as RungEntry;
        if (!promoted.has(e.id) && e.value !== Number.POSITIVE_INFINITY) candidate = e;
      }
      if (candidate !== undefined) {
        promoted.add(candidate.id);
        return this.start(id, candidate.config, k + 1, candidate.id);
      }
    }
    return this.start(id, this.sampler.sample(id, 0), 0, undefined);
  }

  private start(id: number, config: Configuration, rung: number, continues: number | undefined): Trial {
    const entry: RungEntry = { id, config, value: null, violation: 0 };
    (this.rungs[rung] as RungEntry[]).push(entry);
    this.pending.set(id, entry);
    return { id, config, fidelity: this.ladder.fidelities[rung] as Configuration, ...(continues !== undefined ? { continues } : {}), tags: { rung } };
  }

  tell(observations: readonly Observation[]): void {
    for (const o of observations) {
      const settled = settlePending(this.pending, o);
      if (settled === undefined) continue;
      const { entry, rung } = settled;
      const ranked = this.ranked[rung];
      if (ranked !== undefined) {
        // Keep the rung's ranking sorted by insertion instead of re-sorting on the next ask.
        let lo = 0;
        let hi = ranked.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (byStanding(ranked[mid] as RungEntry, entry) < 0) lo = mid + 1;
          else hi = mid;
        }
        ranked.splice(lo, 0, entry);
      }
      this.sampler.observe(o.trial.id, o.trial.config, rung, o.status === 'ok' ? (entry.value as number) : undefined, o);
    }
  }

  state(): JsonValue {
    const saved: SavedHalving = {
      next: this.next,
      rungs: this.rungs.map((r) => r.map(saveRungEntry)),
      promoted: this.promoted.map((p) => [...p]),
      sampler: this.sampler.state(),
    };
    return saved as unknown as JsonValue;
  }

  /** Restores a state already checked against `stateSchema`. */
  restore(saved: SavedHalving): void {
    this.next = saved.next;
    this.pending.clear();
    this.rungs = saved.rungs.map((r) =>
      r.map((s) => {
        const entry = restoreRungEntry(s);
        if (entry.value === null) this.pending.set(entry.id, entry);
        return entry;
      }),
    );
    this.promoted = saved.promoted.map((p) => new Set(p));
    this.ranked = this.rungs.map(() => undefined);
    this.sampler.restore(saved.sampler);
  }
}
