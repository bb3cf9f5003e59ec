import {
  Rng,
  type Configuration,
  type JsonValue,
  type Observation,
  type Optimizer,
  type OptimizerCapabilities,
  type OptimizerContext,
  type Trial,
} from '@jahskit/core';
import { z } from 'zod';
import { configKey } from './configKey';
import { readState } from './readState';
import { trialStream } from './trialStream';
import { writeState } from './writeState';

/** What `propose` returns for one trial: a legal configuration and optional bookkeeping tags. */
export interface Proposal {
  readonly config: Configuration;
  readonly tags?: { readonly [key: string]: JsonValue };
}

/** How a subclass sets up the base. */
export interface ProposalSettings<S extends z.ZodObject> {
  /** The optimizer's id: the `kind` tag of its state. */
  readonly kind: string;
  /** The fields the subclass adds to the state (`saveState` / `restoreState`), checked on restore. */
  readonly state: S;
  /**
   * Remember every asked configuration (`asked`, part of the state) and, when a proposal was asked
   * before, propose again from the same trial stream, up to this many proposals in all. 0 (default):
   * remember nothing; 1: remember without proposing again.
   */
  readonly attempts?: number;
}

/** The fields of every state of this base. */
export interface SavedEnvelope {
  readonly next: number;
}

/** A class with its capabilities declared once, as a static member (the plugin descriptor reads it too). */
interface DeclaresCapabilities {
  readonly capabilities?: OptimizerCapabilities;
}

/** The state schema of a subclass that adds no fields. */
type NoExtraState = z.ZodObject<Record<string, never>>;

/**
 * The base of the optimizers that propose configurations at the highest fidelity, trial by trial
 * (pymoo's template method: the public `ask` and `state`/`restore` call protected hooks). It owns:
 * - the trial counter (ids 0, 1, 2, ...);
 * - the random stream of each trial, `(seed, 'trial', t)`, the one labelling rule: a trial's draws do
 *   not depend on how many trials came before, in which batches, or on the order of results;
 * - the default (highest) fidelity every trial runs at;
 * - the capabilities, read from the class's static `capabilities`;
 * - the state `{kind, version, next, [asked,] ...}`, whose `restore` checks every field with zod
 *   before anything changes (`readState`).
 * A subclass writes `propose` (what to try), `tell`, and `saveState` / `restoreState` for its own fields.
 */
export abstract class ProposalOptimizer<S extends z.ZodObject = NoExtraState> implements Optimizer {
  readonly capabilities: OptimizerCapabilities;
  protected readonly kind: string;
  protected readonly root: Rng;
  protected readonly fidelity: Configuration;
  /** The id of the next trial. */
  protected next = 0;
  /** Keys of the configurations asked so far (`configKey`), when `attempts` > 0. */
  protected asked = new Set<string>();
  private readonly attempts: number;
  private readonly schema: z.ZodType;

  protected constructor(
    protected readonly context: OptimizerContext,
    settings: ProposalSettings<S>,
  ) {
    const capabilities = (new.target as DeclaresCapabilities).capabilities;
    // A programming error, caught by every optimizer's first test: the class must declare them.
    if (capabilities === undefined) throw new TypeError(`${new.target.name} declares no static capabilities`);
    this.capabilities = capabilities;
    this.kind = settings.kind;
    this.attempts = settings.attempts ?? 0;
    this.root = Rng.seeded(context.seed);
    this.fidelity = context.fidelitySpace.defaultConfiguration();
    // `asked` may be missing from a state written while the optimizer remembered nothing (e.g. before RE avoided repeats under constraints).
    const envelope = z.object({ next: z.number().int().min(0), ...(this.attempts > 0 ? { asked: z.array(z.string()).optional() } : {}) });
    this.schema = envelope.extend(settings.state.shape);
  }

  /**
   * What trial `id` evaluates, drawn from `rng` (its own stream). An optimizer that fills a batch from
   * one model may return up to `count` proposals for trials `id, id + 1, ...`; none means it is
   * waiting for results.
   */
  protected abstract propose(id: number, rng: Rng, count: number): Proposal | readonly Proposal[];

  abstract tell(observations: readonly Observation[]): void;

  /** The subclass's fields of the state (plain JSON values). */
  protected abstract saveState(): z.input<S>;

  /**
   * Restores the subclass's fields from a state already checked against its schema (`next`, the id
   * of the next trial, is there to check the fields against). What the schema cannot say (one field
   * against another) is checked here, before anything changes.
   */
  protected abstract restoreState(saved: z.output<S> & SavedEnvelope): void;

  /** The random stream of trial `id` (`trialStream`). */
  protected trialRng(id: number): Rng {
    return trialStream(this.root, id);
  }

  protected key(config: Configuration): string {
    return configKey(this.context.space, config);
  }

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    while (trials.length < n) {
      const id = this.next;
      const rng = this.trialRng(id);
      const proposed = this.propose(id, rng, n - trials.length);
      const proposals = isProposal(proposed) ? [this.unseen(proposed, id, rng)] : proposed.slice(0, n - trials.length);
      if (proposals.length === 0) break;
      for (const proposal of proposals) trials.push(this.issue(proposal));
    }
    return trials;
  }

  /**
   * Re-proposing an asked configuration wastes a trial on deterministic (tabular) benchmarks: the same
   * trial's stream is asked again, a few times, before a repeat is accepted.
   */
  private unseen(first: Proposal, id: number, rng: Rng): Proposal {
    let proposal = first;
    for (let attempt = 1; attempt < this.attempts && this.asked.has(this.key(proposal.config)); attempt++) {
      proposal = this.propose(id, rng, 1) as Proposal;
    }
    return proposal;
  }

  /** Numbers a proposal as the next trial, at the highest fidelity. */
  private issue(proposal: Proposal): Trial {
    const id = this.next++;
    if (this.attempts > 0) this.asked.add(this.key(proposal.config));
    return { id, config: proposal.config, fidelity: this.fidelity, ...(proposal.tags !== undefined ? { tags: proposal.tags } : {}) };
  }

  state(): JsonValue {
    return writeState(this.kind, { next: this.next, ...(this.attempts > 0 ? { asked: [...this.asked] } : {}), ...(this.saveState() as object) });
  }

  restore(state: JsonValue): void {
    const saved = readState(state, this.kind, this.schema) as z.output<S> & { next: number; asked?: string[] };
    this.restoreState(saved);
    this.next = saved.next;
    this.asked = new Set(saved.asked ?? []);
  }
}

function isProposal(value: Proposal | readonly Proposal[]): value is Proposal {
  return !Array.isArray(value);
}
