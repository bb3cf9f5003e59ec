import { createRegistry, simulate, type Benchmark, type SimulationResult } from '@jahskit/core';
import { createJahsBenchmark } from '@jahskit/benchmarks/jahs';
import { createNb201Benchmark, loadNb201Table, type DataFiles } from '@jahskit/benchmarks/nb201';
import { syntheticModule } from '@jahskit/benchmarks/synthetic';
import { hypervolume } from '@jahskit/multiobjective';
import { nsga2Module, randomSearchModule, regularizedEvolutionModule, tpeModule } from '@jahskit/optimizers';

/** Every objective value of a study, in trial order. */
export type StudyTrace = readonly (readonly number[])[];

export interface BrowserStudyNumbers {
  readonly nb201: StudyTrace;
  readonly branin: StudyTrace;
  readonly zdt1: StudyTrace;
  readonly zdt1Hypervolume: number;
  readonly jahs: StudyTrace;
  /** The same JAHS study on jahskit's own tree-ensemble evaluator. */
  readonly jahsTrees: StudyTrace;
}

/**
 * Seeded studies over every package that runs in a browser: regularised evolution on NAS-Bench-201
 * (four simulated workers), TPE on Branin, NSGA-II on ZDT1 with the hypervolume of its front, random
 * search on the JAHS-Bench-201 surrogate through onnxruntime-web and through jahskit's tree-ensemble
 * evaluator. The same code runs in Node and,
 * bundled, in Chromium, where it must give the same numbers. `files` gives a benchmark's data folder.
 */
export async function browserStudies(files: (id: 'nb201' | 'jahs') => DataFiles): Promise<BrowserStudyNumbers> {
  const registry = createRegistry([regularizedEvolutionModule, tpeModule, nsga2Module, randomSearchModule, syntheticModule]);
  const study = (benchmark: Benchmark, optimizer: string, seed: number, evaluations: number, workers = 1): Promise<SimulationResult> =>
    simulate({
      benchmark,
      optimizer: registry.createOptimizer(
        optimizer,
        {},
        { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed },
      ),
      seed,
      budget: { evaluations },
      workers,
    });
  const trace = (run: SimulationResult, names: readonly string[]): StudyTrace => run.records.map((r) => names.map((n) => r.objectives[n]!));

  const nb201 = createNb201Benchmark(await loadNb201Table(files('nb201')), { instance: 'cifar10', objectives: ['valid_error'], noise: 'seed' });
  const branin = await registry.createBenchmark('synthetic', { instance: 'branin', maxEpoch: 1 }, { env: {} });
  const zdt1 = await registry.createBenchmark('synthetic', { instance: 'zdt1', maxEpoch: 1 }, { env: {} });
  const [nb201Run, braninRun, zdt1Run] = [await study(nb201, 're', 3, 120, 4), await study(branin, 'tpe', 5, 40), await study(zdt1, 'nsga2', 7, 200)];
  const front = trace(zdt1Run, ['f1', 'f2']);

  const jahsOptions = { objectives: ['valid_error', 'latency'], variant: 'joint', intraOpNumThreads: 1, files: files('jahs') } as const;
  const [jahs, jahsTrees] = await Promise.all([
    createJahsBenchmark({ ...jahsOptions, runtime: 'web' }),
    createJahsBenchmark({ ...jahsOptions, runtime: 'js' }),
  ]);
  try {
    const [jahsRun, jahsTreesRun] = [await study(jahs, 'rs', 11, 16), await study(jahsTrees, 'rs', 11, 16)];
    return {
      nb201: trace(nb201Run, ['valid_error']),
      branin: trace(braninRun, ['y']),
      zdt1: front,
      zdt1Hypervolume: hypervolume(Float64Array.from(front.flat()), 2, [1.1, 10]),
      jahs: trace(jahsRun, ['valid_error', 'latency']),
      jahsTrees: trace(jahsTreesRun, ['valid_error', 'latency']),
    };
  } finally {
    await Promise.all([jahs.close?.(), jahsTrees.close?.()]);
  }
}
