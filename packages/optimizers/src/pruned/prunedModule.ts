import { definePlugin } from '@jahskit/core';
import { gpboDescriptor } from '../gpbo/gpboModule';
import { randomSearchDescriptor } from '../rs/randomSearchModule';
import { tpeDescriptor } from '../tpe/tpeModule';
import { createPruned } from './createPruned';

/** TPE with the median stopping rule. */
export const tpeMedianDescriptor = createPruned(tpeDescriptor, 'median');

/** TPE with successive-halving pruning. */
export const tpeShaDescriptor = createPruned(tpeDescriptor, 'sha');

/** Random search with the median stopping rule. */
export const rsMedianDescriptor = createPruned(randomSearchDescriptor, 'median');

/** GP-BO with the median stopping rule. */
export const gpboMedianDescriptor = createPruned(gpboDescriptor, 'median');

/** Registers the pruned optimizers `tpe+median`, `tpe+sha`, `rs+median`, `gpbo+median`. */
export const prunedModule = definePlugin({ optimizers: [tpeMedianDescriptor, tpeShaDescriptor, rsMedianDescriptor, gpboMedianDescriptor] });
