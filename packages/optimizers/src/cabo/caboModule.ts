import { definePlugin, type OptimizerDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { optimizerDescriptor } from '../internal/optimizerDescriptor';
import { gpboDescriptor } from '../gpbo/gpboModule';
import { CostAwareGpbo, type CostAwareGpboOptions } from './CostAwareGpbo';

export const caboDescriptor: OptimizerDescriptor<CostAwareGpboOptions> = optimizerDescriptor(
  'cabo',
  'Cost-aware GP-BO: a GP on log cost beside the objective GP, EI per second (Snoek et al. 2012) or cost-cooled EI (CArBO, Lee et al. 2020)',
  CostAwareGpbo,
  {
    // gpbo's options with their defaults, so the two stay the same model and differ only in the acquisition.
    ...(gpboDescriptor.options as unknown as z.ZodObject).shape,
    acquisition: z
      .enum(['eipu', 'cooled'])
      .default('eipu')
      .describe("'eipu': expected improvement per predicted second; 'cooled': EI / cost^alpha, alpha falling from 1 to 0 as the budget is spent (CArBO)"),
    budgetSeconds: z
      .number()
      .gt(0)
      .nullable()
      .default(null)
      .describe("'cooled' or 'cost-effective' only: the budget in evaluation seconds, summed over workers (k workers for T seconds: k * T)"),
    budgetEvaluations: z
      .number()
      .int()
      .min(1)
      .nullable()
      .default(null)
      .describe("'cooled' or 'cost-effective' only: the budget in evaluations, when it is counted in trials"),
    initialDesign: z
      .enum(['prior', 'cost-effective'])
      .default('prior')
      .describe(
        "'prior': initialTrials prior samples; 'cost-effective': prior samples chosen for spread per predicted second until initialBudgetFraction of the budget is spent (CArBO)",
      ),
    initialBudgetFraction: z
      .number()
      .gt(0)
      .max(1)
      .nullable()
      .default(null)
      .describe("'cost-effective' only: the share of the budget spent on the initial design (null: 1/8)"),
  },
);

/** Registers cost-aware GP-BO. */
export const caboModule = definePlugin({ optimizers: [caboDescriptor] });
