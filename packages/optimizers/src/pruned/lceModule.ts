import { definePlugin } from '@jahskit/core';
import { randomSearchDescriptor } from '../rs/randomSearchModule';
import { tpeDescriptor } from '../tpe/tpeModule';
import { createPruned } from './createPruned';

/** TPE with learning-curve-extrapolation early stopping. */
export const tpeLceDescriptor = createPruned(tpeDescriptor, 'lce');

/** Random search with learning-curve-extrapolation early stopping. */
export const rsLceDescriptor = createPruned(randomSearchDescriptor, 'lce');

/** Registers `tpe+lce` and `rs+lce`. */
export const lceModule = definePlugin({ optimizers: [tpeLceDescriptor, rsLceDescriptor] });
