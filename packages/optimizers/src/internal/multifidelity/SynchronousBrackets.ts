import { totalViolation, type Configuration, type JsonValue, type Observation, type SearchSpace, type Trial } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../configurationSchema';
import { compareStanding, standingOfValue } from '../standing';
import type { ConfigSampler } from './ConfigSampler';
import type { FidelityLadder } from './FidelityLadder';

/** One trial of a rung; `value` is null while pending, Infinity when it failed. */
export interface RungEntry {
  readonly id: number;
  readonly config: Configuration;
  value: number | null;
  /** Total violation of the study's constraints at the rung's fidelity (0: satisfied, or no constraints). */
  violation: number;
}

/**
 * Records a result in the pending entry of its trial, which leaves `pending`: the value (Infinity when
 * failed) and the total violation. Returns the entry and its ladder rung (the trial's `rung` tag), or
 * undefined for a trial that is not pending.
 */
export function settlePending(pending: Map<number, RungEntry>, o: Observation): { entry: RungEntry; rung: number } | undefined {
  const entry = pending.get(o.trial.id);
  if (entry === undefined) return undefined;
  pending.delete(o.trial.id);
  entry.value = o.status === 'ok' ? (o.values[0] as number) : Number.POSITIVE_INFINITY;
  entry.violation = totalViolation(o.constraints);
  return { entry, rung: typeof o.trial.tags?.['rung'] === 'number' ? o.trial.tags['rung'] : 0 };
}

/** What a filler is asked for: slot `slot` of the bracket's rung `rung` (a ladder index). */
export interface FillRequest {
  readonly id: number;
  /** Number of the bracket since the start (0, 1, ...). */
  readonly bracket: number;
  /** The bracket's number of promotions (its first rung is ladder rung sMax - s). */
  readonly s: number;
  readonly rung: number;
  readonly slot: number;
  /** The finished entries of the previous rung of this bracket, best first; empty for its first rung. */
  readonly ranked: readonly RungEntry[];
  /** How many configurations this rung holds. */
  readonly size: number;
}

/**
 * Overrides how a rung is filled (DEHB evolves rungs instead of promoting). Returning undefined
 * falls back to the default: a sampler draw for the first rung, the slot-th best of the previous
 * rung (continuing its training) above.
 */
export type RungFiller = (request: FillRequest) => { readonly config: Configuration; readonly continues?: number } | undefined;

export type BracketSchedule = 'successive-halving' | 'hyperband';

/** What a scheduler may add to plain brackets. */
export interface BracketExtras {
  /** Overrides how rungs are filled (DEHB, the multi-objective bracket optimizers). */
  readonly filler?: RungFiller;
  /**
   * Before the first bracket, one trial at the highest fidelity: its configuration is the sampler's
   * for trial 0 at the top rung (PriorBand's prior mode; NePS's `sample_prior_first="highest_fidelity"`).
   * The brackets wait for it, as they wait for a rung.
   */
  readonly leadAtTop?: boolean;
}

interface Bracket {
  index: number;
  s: number;
  /** Position in the bracket (0..s) of the rung being filled. */
  level: number;
  sizes: number[];
  rungs: RungEntry[][];
  ranked: RungEntry[];
}

/** Bracket sizes of Hyperband (Li et al. 2018): n = ceil((sMax + 1) / (s + 1) * eta^s), rung i keeps floor(n eta^-i). */
export function bracketSizes(sMax: number, s: number, eta: number): number[] {
  const n = Math.ceil(((sMax + 1) / (s + 1)) * Math.pow(eta, s) - 1e-9);
  return Array.from({ length: s + 1 }, (_, i) => Math.max(1, Math.floor(n * Math.pow(eta, -i) + 1e-9)));
}

/**
 * A saved rung entry: [trial id, configuration, value | 'inf' (failed) | null (pending), total
 * violation of the constraints (absent: 0, as in states saved before constraints)].
 */
export type SavedRungEntry = [number, Configuration, number | 'inf' | null, number?];

/** {@link SavedRungEntry} in a saved state. */
export function rungEntrySchema(space: SearchSpace): z.ZodType<SavedRungEntry> {
  return z.tuple([z.number().int().min(0), configurationSchema(space), z.union([z.number(), z.literal('inf'), z.null()]), z.number().min(0).optional()]);
}

export function saveRungEntry(e: RungEntry): SavedRungEntry {
  const value = e.value === null ? null : Number.isFinite(e.value) ? e.value : 'inf';
  return e.violation > 0 ? [e.id, e.config, value, e.violation] : [e.id, e.config, value];
}

export function restoreRungEntry([id, config, value, violation]: SavedRungEntry): RungEntry {
  return { id, config, value: value === 'inf' ? Number.POSITIVE_INFINITY : value, violation: violation ?? 0 };
}

interface SavedBrackets {
  readonly next: number;
  readonly started: number;
  readonly current: { index: number; s: number; level: number; sizes: number[]; rungs: SavedRungEntry[][]; ranked: number[] } | null;
  readonly sampler: unknown;
}

/**
 * Synchronous successive halving brackets (Jamieson & Talwalkar 2016), one at a time: the rung
 * being filled is handed out, then `ask` returns nothing until all its trials are told, then the
 * best 1/eta continue at the next rung. 'successive-halving' repeats the most aggressive bracket
 * (s = sMax); 'hyperband' cycles s = sMax, ..., 0 (Li et al. 2018). A rung ranks its trials by Deb's
 * rules at the rung's fidelity (`entryStanding`): feasible by value, then infeasible by total violation
 * (promoted only when there are not enough feasible ones), then failed, which are never promoted, so a
 * rung may shrink.
 */
export class SynchronousBrackets {
  private next = 0;
  private started = 0;
  private current: Bracket | undefined;
  private readonly pending = new Map<number, RungEntry>();
  private readonly filler: RungFiller | undefined;
  private readonly leadAtTop: boolean;

  constructor(
    private readonly ladder: FidelityLadder,
    private readonly schedule: BracketSchedule,
    private readonly sampler: ConfigSampler,
    extras: BracketExtras = {},
  ) {
    this.filler = extras.filler;
    this.leadAtTop = extras.leadAtTop ?? false;
    const sMax = ladder.sMax;
    const int = z.number().int().min(0);
    const current = z
      .object({ index: int, s: int.max(sMax), level: int, sizes: z.array(int), rungs: z.array(z.array(rungEntrySchema(sampler.space))), ranked: z.array(int) })
      .superRefine((c, ctx) => {
        if (c.level > c.s) ctx.addIssue({ code: 'custom', path: ['level'], message: `a bracket with s = ${c.s} has no level ${c.level}` });
        if (c.sizes.length !== c.s + 1) ctx.addIssue({ code: 'custom', path: ['sizes'], message: `expected ${c.s + 1} sizes` });
        if (c.rungs.length !== c.s + 1) ctx.addIssue({ code: 'custom', path: ['rungs'], message: `expected ${c.s + 1} rungs` });
        const ids = new Set(c.rungs.flat().map((e) => e[0]));
        if (c.ranked.some((id) => !ids.has(id))) ctx.addIssue({ code: 'custom', path: ['ranked'], message: 'a ranked trial that is in no rung' });
      });
    this.stateSchema = z.object({ next: int, started: int, current: current.nullable(), sampler: sampler.stateSchema });
  }

  /** What `state()` writes, checked on restore. */
  readonly stateSchema: z.ZodType<SavedBrackets>;

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    while (trials.length < n) {
      const bracket = this.current === undefined || this.finished(this.current) ? this.open() : this.current;
      const rung = bracket.rungs[bracket.level] as RungEntry[];
      const size = bracket.sizes[bracket.level] as number;
      if (rung.length < size) {
        trials.push(this.fill(bracket, rung.length));
        continue;
      }
      if (rung.some((e) => e.value === null)) break; // wait for the rung to complete
      if (!this.advance(bracket)) this.current = undefined;
    }
    return trials;
  }

  private finished(bracket: Bracket): boolean {
    const rung = bracket.rungs[bracket.level] as RungEntry[];
    return bracket.level === bracket.s && rung.length >= (bracket.sizes[bracket.level] as number) && rung.every((e) => e.value !== null);
  }

  private open(): Bracket {
    const sMax = this.ladder.sMax;
    if (this.leadAtTop && this.started === 0) {
      // A bracket of one configuration that starts at the top rung (s = 0).
      this.current = { index: this.started++, s: 0, level: 0, sizes: [1], rungs: [[]], ranked: [] };
      return this.current;
    }
    // The lead does not shift Hyperband's cycle: the first bracket after it is still the most aggressive.
    const cycle = this.started - (this.leadAtTop ? 1 : 0);
    const s = this.schedule === 'hyperband' ? sMax - (cycle % (sMax + 1)) : sMax;
    const sizes = bracketSizes(sMax, s, this.ladder.eta);
    this.current = { index: this.started++, s, level: 0, sizes, rungs: sizes.map(() => []), ranked: [] };
    return this.current;
  }

  /** Moves to the next rung of a completed one; false when the bracket is done. */
  private advance(bracket: Bracket): boolean {
    if (bracket.level === bracket.s) return false;
    const done = bracket.rungs[bracket.level] as RungEntry[];
    bracket.ranked = rank(done).filter((e) => e.value !== Number.POSITIVE_INFINITY);
    bracket.level++;
    bracket.sizes[bracket.level] = Math.min(bracket.sizes[bracket.level] as number, bracket.ranked.length);
    if (bracket.sizes[bracket.level] === 0) {
      bracket.level = bracket.s;
      return false;
    }
    return true;
  }

  private fill(bracket: Bracket, slot: number): Trial {
    const id = this.next++;
    const rung = this.ladder.sMax - bracket.s + bracket.level;
    const request: FillRequest = {
      id,
      bracket: bracket.index,
      s: bracket.s,
      rung,
      slot,
      ranked: bracket.level === 0 ? [] : bracket.ranked,
      size: bracket.sizes[bracket.level] as number,
    };
    const custom = this.filler?.(request);
    let config: Configuration;
    let continues: number | undefined;
    if (custom !== undefined) ({ config, continues } = custom);
    else if (bracket.level === 0) config = this.sampler.sample(id, rung);
    else {
      const parent = request.ranked[slot] as RungEntry;
      config = parent.config;
      continues = parent.id;
    }
    const entry: RungEntry = { id, config, value: null, violation: 0 };
    (bracket.rungs[bracket.level] as RungEntry[]).push(entry);
    this.pending.set(id, entry);
    return {
      id,
      config,
      fidelity: this.ladder.fidelities[rung] as Configuration,
      ...(continues !== undefined ? { continues } : {}),
      tags: { bracket: bracket.index, rung },
    };
  }

  /** Records results; returns the entries told with their ladder rungs (for samplers and fillers). */
  tell(observations: readonly Observation[]): void {
    for (const o of observations) {
      const settled = settlePending(this.pending, o);
      if (settled === undefined) continue;
      const { entry, rung } = settled;
      this.sampler.observe(o.trial.id, o.trial.config, rung, o.status === 'ok' ? (entry.value as number) : undefined, o);
    }
  }

  state(): JsonValue {
    const b = this.current;
    const saved: SavedBrackets = {
      next: this.next,
      started: this.started,
      current:
        b === undefined
          ? null
          : { index: b.index, s: b.s, level: b.level, sizes: b.sizes, rungs: b.rungs.map((r) => r.map(saveRungEntry)), ranked: b.ranked.map((e) => e.id) },
      sampler: this.sampler.state(),
    };
    return saved as unknown as JsonValue;
  }

  /** Restores a state already checked against `stateSchema`. */
  restore(saved: SavedBrackets): void {
    this.next = saved.next;
    this.started = saved.started;
    this.pending.clear();
    this.sampler.restore(saved.sampler);
    const c = saved.current;
    if (c === null) {
      this.current = undefined;
      return;
    }
    const byId = new Map<number, RungEntry>();
    const rungs = c.rungs.map((r) =>
      r.map((saved) => {
        const entry = restoreRungEntry(saved);
        byId.set(entry.id, entry);
        if (entry.value === null) this.pending.set(entry.id, entry);
        return entry;
      }),
    );
    this.current = { index: c.index, s: c.s, level: c.level, sizes: c.sizes, rungs, ranked: c.ranked.map((id) => byId.get(id) as RungEntry) };
  }
}

/** Best first by {@link entryStanding}; ties by trial id, so rankings do not depend on the order of tells. */
export function rank(entries: readonly RungEntry[]): RungEntry[] {
  return [...entries].sort(byStanding);
}

/** The order of {@link rank}. */
export function byStanding(a: RungEntry, b: RungEntry): number {
  return compareStanding(standingOfValue(a), standingOfValue(b)) || a.id - b.id;
}
