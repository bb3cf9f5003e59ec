import type { OptimizerContext } from '@jahskit/core';
import { z } from 'zod';
import { OneHotEncoder } from '../gp/OneHotEncoder';
import { GpSchedule, gpScheduleSchema } from './GpSchedule';
import { MoOptimizerBase } from './MoOptimizerBase';

const gpState = z.object({ gps: gpScheduleSchema });

/**
 * A multi-objective optimizer whose models are Gaussian processes on the one-hot encoding of the space
 * (ParEGO, MS-EHVI). The base owns the encoder and the GP schedule, and keeps the fitted
 * hyperparameters in the state, so a restored optimizer refits when the original would.
 */
export abstract class GpMoOptimizerBase extends MoOptimizerBase<typeof gpState> {
  protected readonly encoder: OneHotEncoder;
  protected readonly gps: GpSchedule;

  protected constructor(kind: string, context: OptimizerContext, refitEvery: number) {
    super(kind, context, gpState);
    this.encoder = new OneHotEncoder(context.space);
    this.gps = new GpSchedule(refitEvery);
  }

  protected override saveExtra(): z.input<typeof gpState> {
    return { gps: this.gps.toJson() };
  }

  protected override restoreExtra(saved: z.output<typeof gpState>): void {
    this.gps.restore(saved.gps);
  }
}
