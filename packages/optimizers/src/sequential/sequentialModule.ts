import { definePlugin } from '@jahskit/core';
import { bohbDescriptor } from '../bohb/bohbModule';
import { regularizedEvolutionDescriptor } from '../re/regularizedEvolutionModule';
import { randomSearchDescriptor } from '../rs/randomSearchModule';
import { createSequential } from './createSequential';

/** Random search on the hyperparameters, then regularised evolution on the architecture. */
export const sequentialRsReDescriptor = createSequential(randomSearchDescriptor, regularizedEvolutionDescriptor);

/** BOHB on the hyperparameters (multi-fidelity), then regularised evolution on the architecture. */
export const sequentialBohbReDescriptor = createSequential(bohbDescriptor, regularizedEvolutionDescriptor);

/** Registers the sequential baselines of NAS-HPO-Bench-II (`seq-rs-re`, `seq-bohb-re`). */
export const sequentialModule = definePlugin({ optimizers: [sequentialRsReDescriptor, sequentialBohbReDescriptor] });
