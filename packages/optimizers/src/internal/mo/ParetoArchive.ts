import { totalViolation, type Configuration, type Observation, type OptimizerContext } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../configurationSchema';
import { rejectedTrial, type RejectedTrial } from '../rejectedTrial';

/** One successful evaluation as the multi-objective optimizers keep it (values minimised). */
export interface ArchiveEntry {
  readonly id: number;
  readonly config: Configuration;
  readonly fidelity: Configuration;
  readonly values: readonly number[];
  /** The study's constraint values (<= 0 when satisfied); absent when the study has none. */
  readonly constraints?: readonly number[];
}

/** The JSON form of a {@link ParetoArchive}. */
export interface ParetoArchiveJson {
  readonly failed: number;
  readonly entries: readonly ArchiveEntry[];
  /** Absent in states saved before constraints (and when there are none). */
  readonly rejected?: readonly RejectedTrial[] | undefined;
}

/** A saved {@link ParetoArchive} of a study on `context`'s spaces, objectives and constraints. */
export function paretoArchiveSchema(context: OptimizerContext): z.ZodType<ParetoArchiveJson> {
  // Constraint values are optional per entry: states saved before constraints have none.
  const constraints = z.array(z.number()).length(context.constraints?.length ?? 0);
  return z.object({
    failed: z.number().int().min(0),
    entries: z.array(
      z.object({
        id: z.number().int().min(0),
        config: configurationSchema(context.space),
        fidelity: configurationSchema(context.fidelitySpace),
        values: z.array(z.number()).length(context.objectives.length),
        constraints: constraints.optional(),
      }),
    ),
    rejected: z.array(z.object({ id: z.number().int().min(0), config: configurationSchema(context.space), constraints })).optional(),
  });
}

/**
 * The successful results of a multi-objective study, in the order they were told, with their
 * objective vectors packed row-major in a growing Float64Array for the `@jahskit/multiobjective`
 * kernels, and their total constraint violations. Failed and diverged trials are counted but not
 * stored (a failed trial is never a parent nor part of a density model), except those rejected for
 * a broken constraint, kept apart in `rejected` for the constraint models.
 */
export class ParetoArchive {
  readonly entries: ArchiveEntry[] = [];
  readonly rejected: RejectedTrial[] = [];
  failed = 0;
  private buffer = new Float64Array(0);
  private violation: number[] = [];
  private infeasible = 0;

  constructor(readonly d: number) {}

  get size(): number {
    return this.entries.length;
  }

  /** Adds the 'ok' observations; returns the entries added. */
  add(observations: readonly Observation[]): ArchiveEntry[] {
    const added: ArchiveEntry[] = [];
    for (const o of observations) {
      if (o.status !== 'ok' || o.values.length !== this.d) {
        this.failed++;
        const rejected = rejectedTrial(o);
        if (rejected !== undefined) this.rejected.push(rejected);
        continue;
      }
      const entry: ArchiveEntry = {
        id: o.trial.id,
        config: o.trial.config,
        fidelity: o.trial.fidelity,
        values: [...o.values],
        ...(o.constraints.length > 0 ? { constraints: [...o.constraints] } : {}),
      };
      this.push(entry);
      added.push(entry);
    }
    return added;
  }

  push(entry: ArchiveEntry): void {
    const n = this.entries.length;
    if (this.buffer.length < (n + 1) * this.d) {
      const grown = new Float64Array(Math.max(64, 2 * (n + 1)) * this.d);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    for (let j = 0; j < this.d; j++) this.buffer[n * this.d + j] = entry.values[j] as number;
    this.entries.push(entry);
    const v = totalViolation(entry.constraints ?? []);
    this.violation.push(v);
    if (v > 0) this.infeasible++;
  }

  /** All objective rows (a view: copy before keeping it across `add`). */
  points(): Float64Array {
    return this.buffer.subarray(0, this.entries.length * this.d);
  }

  /** The rows of `indices`, packed. */
  pointsOf(indices: ArrayLike<number>): Float64Array {
    const out = new Float64Array(indices.length * this.d);
    for (let i = 0; i < indices.length; i++) {
      const k = indices[i] as number;
      out.set(this.buffer.subarray(k * this.d, (k + 1) * this.d), i * this.d);
    }
    return out;
  }

  /** Whether any entry breaks a constraint: when none does, the optimizers run exactly as without constraints. */
  get hasInfeasible(): boolean {
    return this.infeasible > 0;
  }

  /** Total violation of entry `i` (0 when feasible). */
  violationAt(i: number): number {
    return this.violation[i] as number;
  }

  /**
   * Total violation of every entry, or of the entries of `indices`; undefined when no entry breaks a
   * constraint, which the ranking helpers read as "all feasible" (the unconstrained code path).
   */
  violations(indices?: ArrayLike<number>): Float64Array | undefined {
    if (this.infeasible === 0) return undefined;
    if (indices === undefined) return Float64Array.from(this.violation);
    return Float64Array.from({ length: indices.length }, (_, i) => this.violation[indices[i] as number] as number);
  }

  /** Indices of the feasible entries, ascending. */
  feasible(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.entries.length; i++) if ((this.violation[i] as number) === 0) out.push(i);
    return out;
  }

  toJson(): ParetoArchiveJson {
    return {
      failed: this.failed,
      entries: this.entries.map((e) => ({
        id: e.id,
        config: e.config,
        fidelity: e.fidelity,
        values: [...e.values],
        ...(e.constraints !== undefined ? { constraints: [...e.constraints] } : {}),
      })),
      ...(this.rejected.length > 0 ? { rejected: this.rejected.map((r) => ({ id: r.id, config: r.config, constraints: [...r.constraints] })) } : {}),
    };
  }

  /** From JSON already checked by {@link paretoArchiveSchema}. */
  static fromJson(d: number, saved: ParetoArchiveJson): ParetoArchive {
    const archive = new ParetoArchive(d);
    archive.failed = saved.failed;
    for (const e of saved.entries) archive.push(e);
    for (const r of saved.rejected ?? []) archive.rejected.push(r);
    return archive;
  }
}
