import { jahsModule, nashpobench2Module, nb201Module, nb301Module, onnxSurrogateModule, syntheticModule } from '@jahskit/benchmarks';
import {
  ashaModule,
  bananasModule,
  bohbModule,
  deModule,
  dehbModule,
  gpboModule,
  hyperbandModule,
  localSearchModule,
  randomSearchModule,
  regularizedEvolutionModule,
  reinforceModule,
  sequentialModule,
  successiveHalvingModule,
  tpeModule,
} from '@jahskit/optimizers';
import { cellSpacesModule } from '@jahskit/spaces';
import type { ContainerModule } from 'inversify';

/**
 * The composition root's choice: every plugin jahskit ships. An app that wants fewer (or its own)
 * passes its own list to `createContainer` instead.
 */
export function defaultModules(): readonly ContainerModule[] {
  return [
    // spaces
    cellSpacesModule,
    // benchmarks
    nb201Module,
    nashpobench2Module,
    nb301Module,
    jahsModule,
    onnxSurrogateModule,
    syntheticModule,
    // single-objective optimizers
    randomSearchModule,
    regularizedEvolutionModule,
    localSearchModule,
    reinforceModule,
    tpeModule,
    deModule,
    gpboModule,
    bananasModule,
    sequentialModule,
    // multi-fidelity optimizers
    successiveHalvingModule,
    hyperbandModule,
    ashaModule,
    bohbModule,
    dehbModule,
  ];
}
