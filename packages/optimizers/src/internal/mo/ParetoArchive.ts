import type { Configuration, Observation, OptimizerContext } from '@jahskit/core';
import { z } from 'zod';
import { configurationSchema } from '../configurationSchema';

/** One successful evaluation as the multi-objective optimizers keep it (values minimised). */
export interface ArchiveEntry {
  readonly id: number;
  readonly config: Configuration;
  readonly fidelity: Configuration;
  readonly values: readonly number[];
}

/** The JSON form of a {@link ParetoArchive}. */
export interface ParetoArchiveJson {
  readonly failed: number;
  readonly entries: readonly ArchiveEntry[];
}

/** A saved {@link ParetoArchive} of a study on `context`'s spaces and objectives. */
export function paretoArchiveSchema(context: OptimizerContext): z.ZodType<ParetoArchiveJson> {
  return z.object({
    failed: z.number().int().min(0),
    entries: z.array(
      z.object({
        id: z.number().int().min(0),
        config: configurationSchema(context.space),
        fidelity: configurationSchema(context.fidelitySpace),
        values: z.array(z.number()).length(context.objectives.length),
      }),
    ),
  });
}

/**
 * The successful results of a multi-objective study, in the order they were told, with their
 * objective vectors packed row-major in a growing Float64Array for the `@jahskit/multiobjective`
 * kernels. Failed and diverged trials are counted but not stored: none of the methods here has
 * a notion of failure, so a failed trial is simply never a parent nor part of a density model.
 */
export class ParetoArchive {
  readonly entries: ArchiveEntry[] = [];
  failed = 0;
  private buffer = new Float64Array(0);

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
        continue;
      }
      const entry = { id: o.trial.id, config: o.trial.config, fidelity: o.trial.fidelity, values: [...o.values] };
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

  toJson(): ParetoArchiveJson {
    return { failed: this.failed, entries: this.entries.map((e) => ({ id: e.id, config: e.config, fidelity: e.fidelity, values: [...e.values] })) };
  }

  /** From JSON already checked by {@link paretoArchiveSchema}. */
  static fromJson(d: number, saved: ParetoArchiveJson): ParetoArchive {
    const archive = new ParetoArchive(d);
    archive.failed = saved.failed;
    for (const e of saved.entries) archive.push(e);
    return archive;
  }
}
