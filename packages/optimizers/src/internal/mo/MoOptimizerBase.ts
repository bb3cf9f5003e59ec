import { Rng, type Configuration, type JsonValue, type Observation, type Optimizer, type OptimizerContext, type Trial } from '@jahskit/core';
import { OptimizerError } from '../../errors/OptimizerError';
import { readState } from '../readState';
import { configKey } from '../configKey';
import { ParetoArchive, type ArchiveEntry } from './ParetoArchive';

/** What `propose` returns: a legal configuration and optional bookkeeping tags. */
export interface Proposal {
  readonly config: Configuration;
  readonly tags?: { readonly [key: string]: JsonValue };
}

/**
 * The shared frame of the full-fidelity multi-objective optimizers: trial numbering, the archive
 * of successful results, the JSON state, and one addressed random stream per trial
 * (`(seed, kind, t)`), so a trial's randomness does not depend on how many were drawn before.
 * Subclasses write `propose` (what to try) and optionally `onResults` / extra state.
 */
export abstract class MoOptimizerBase implements Optimizer {
  readonly capabilities = { objectives: 'multi', multiFidelity: false, asynchronous: true } as const;
  protected readonly root: Rng;
  protected readonly fidelity: Configuration;
  protected readonly d: number;
  protected archive: ParetoArchive;
  protected next = 0;
  /** Keys of every configuration asked so far: proposals avoid them (see `ask`). */
  protected asked = new Set<string>();
  /** Proposal attempts per trial before a duplicate is accepted. */
  protected readonly attempts: number = 10;

  constructor(
    protected readonly kind: string,
    protected readonly context: OptimizerContext,
  ) {
    if (context.objectives.length < 2) {
      throw new OptimizerError('unsupported-task', `optimizer "${kind}" needs at least two objectives, got ${context.objectives.length}`, { parameter: 'objectives' });
    }
    this.root = Rng.seeded(context.seed);
    this.fidelity = context.fidelitySpace.defaultConfiguration();
    this.d = context.objectives.length;
    this.archive = new ParetoArchive(this.d);
  }

  protected abstract propose(id: number, rng: Rng): Proposal;

  /** Called with the successful entries of each `tell` (already in the archive). */
  protected onResults(_added: readonly ArchiveEntry[]): void {}

  protected saveExtra(): Record<string, JsonValue> {
    return {};
  }

  protected restoreExtra(_saved: Record<string, JsonValue>): void {}

  ask(n: number): Trial[] {
    const trials: Trial[] = [];
    for (let i = 0; i < n; i++) {
      const id = this.next++;
      const rng = this.root.stream(this.kind, id);
      // Re-proposing an evaluated configuration wastes a trial on deterministic (tabular) benchmarks:
      // the same trial's stream is asked again, a few times, before a duplicate is accepted.
      let proposal = this.propose(id, rng);
      let key = configKey(this.context.space, proposal.config);
      for (let attempt = 1; attempt < this.attempts && this.asked.has(key); attempt++) {
        proposal = this.propose(id, rng);
        key = configKey(this.context.space, proposal.config);
      }
      this.asked.add(key);
      trials.push({ id, config: proposal.config, fidelity: this.fidelity, ...(proposal.tags !== undefined ? { tags: proposal.tags } : {}) });
    }
    return trials;
  }

  tell(observations: readonly Observation[]): void {
    const added = this.archive.add(observations);
    if (added.length > 0) this.onResults(added);
  }

  state(): JsonValue {
    return { kind: this.kind, next: this.next, archive: this.archive.toJson(), asked: [...this.asked], ...this.saveExtra() };
  }

  restore(state: JsonValue): void {
    const saved = readState<{ next: number; archive: JsonValue; asked: string[] } & Record<string, JsonValue>>(state, this.kind);
    this.next = saved.next;
    this.asked = new Set(saved.asked);
    this.archive = ParetoArchive.fromJson(this.d, saved.archive);
    this.restoreExtra(saved);
  }
}
