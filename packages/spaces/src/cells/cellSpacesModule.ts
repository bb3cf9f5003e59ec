import { definePlugin, type SpaceDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { dartsSpace } from './darts/dartsSpace';
import { jahsHpoOnly, jahsNasOnly } from './jahs/jahsRestrictions';
import { jahsFidelitySpace, jahsSpace } from './jahs/jahsSpace';
import { nashpobench2Space } from './nashpobench2/nashpobench2Space';
import { nb201Space } from './nb201/nb201Space';

const noOptions = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>;

/** The search spaces of the benchmarks, as plugins: an app can list them and build studies on them. */
export const cellSpaceDescriptors: readonly SpaceDescriptor[] = [
  { id: 'nb201', summary: 'NAS-Bench-201 cell: 6 edges x 5 operations (15,625 cells)', options: noOptions, create: () => nb201Space() },
  { id: 'darts', summary: 'DARTS cell space of NAS-Bench-301: 34 categorical parameters, 24 conditions', options: noOptions, create: () => dartsSpace() },
  {
    id: 'nashpobench2',
    summary: 'NAS-HPO-Bench-II: 4096 cells x 8 learning rates x 6 batch sizes',
    options: noOptions,
    create: () => nashpobench2Space(),
  },
  {
    id: 'jahs',
    summary: 'JAHS-Bench-201 joint space: NB201 cell, activation, learning rate, weight decay, TrivialAugment',
    options: z
      .object({ variant: z.enum(['joint', 'nas', 'hpo']).default('joint').describe('joint, NAS-only (fixed hyperparameters) or HPO-only (fixed cell)') })
      .strict(),
    create: ({ variant }: { variant: 'joint' | 'nas' | 'hpo' }) => (variant === 'nas' ? jahsNasOnly() : variant === 'hpo' ? jahsHpoOnly() : jahsSpace()),
  } as SpaceDescriptor,
  { id: 'jahs-fidelity', summary: 'JAHS-Bench-201 fidelities: N, W, Resolution, epoch', options: noOptions, create: () => jahsFidelitySpace() },
];

/** Registers the cell spaces. */
export const cellSpacesModule = definePlugin({ spaces: cellSpaceDescriptors });
