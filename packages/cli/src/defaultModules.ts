import { jahsModule, nashpobench2Module, nb201Module, nb301Module, onnxSurrogateModule, syntheticModule } from '@jahskit/benchmarks';
import {
  ashaModule,
  bananasModule,
  bulkcutModule,
  bohbModule,
  caboModule,
  deModule,
  dehbModule,
  dyhpoModule,
  gpboModule,
  hyperbandModule,
  lceModule,
  localSearchModule,
  mobananasModule,
  mobohbModule,
  motpeModule,
  msehviModule,
  nsga2Module,
  paregoModule,
  priorbandModule,
  prunedModule,
  randomSearchModule,
  regularizedEvolutionModule,
  reinforceModule,
  sequentialModule,
  shemoaModule,
  smsemoaModule,
  successiveHalvingModule,
  tpeModule,
} from '@jahskit/optimizers';
import { cellSpacesModule } from '@jahskit/spaces';
import type { PluginModule } from '@jahskit/core';

/**
 * The composition root's choice: every plugin jahskit ships. An app that wants fewer (or its own)
 * passes its own list to `createRegistry` instead.
 */
export function defaultModules(): readonly PluginModule[] {
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
    caboModule,
    bananasModule,
    sequentialModule,
    // multi-fidelity optimizers
    successiveHalvingModule,
    hyperbandModule,
    ashaModule,
    bohbModule,
    dehbModule,
    dyhpoModule,
    priorbandModule,
    prunedModule,
    lceModule,
    // multi-objective optimizers (random search above handles several objectives too)
    nsga2Module,
    smsemoaModule,
    motpeModule,
    paregoModule,
    msehviModule,
    mobananasModule,
    shemoaModule,
    mobohbModule,
    bulkcutModule,
  ];
}
