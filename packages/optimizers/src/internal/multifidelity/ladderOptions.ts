import { z } from 'zod';

/** Options shared by every multi-fidelity scheduler (SH, Hyperband, ASHA, BOHB, DEHB). */
export const ladderOptions = {
  fidelity: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .nullable()
    .default(null)
    .describe("fidelity parameter to schedule (null: the first); 'diagonal' or a list of names moves several together from their minimum to their maximum"),
  eta: z.number().gt(1).default(3).describe('halving rate: each rung keeps the best 1/eta and multiplies the budget by eta'),
  minBudget: z.number().gt(0).nullable().default(null).describe("lowest budget in units of the (first) fidelity; null: the parameter's lower bound"),
  maxBudget: z.number().gt(0).nullable().default(null).describe("highest budget in units of the (first) fidelity; null: the parameter's upper bound"),
};

export interface LadderOptionValues {
  readonly fidelity: string | readonly string[] | null;
  readonly eta: number;
  readonly minBudget: number | null;
  readonly maxBudget: number | null;
}

/** The FidelityLadder options of validated plugin options. */
export function ladderSettings(o: LadderOptionValues): {
  fidelity: string | readonly string[] | undefined;
  eta: number;
  minBudget: number | undefined;
  maxBudget: number | undefined;
} {
  return { fidelity: o.fidelity ?? undefined, eta: o.eta, minBudget: o.minBudget ?? undefined, maxBudget: o.maxBudget ?? undefined };
}
