export { MultiObjectiveError } from './errors/MultiObjectiveError';
export type { MultiObjectiveErrorKind } from './errors/MultiObjectiveError';

export { dominates } from './dominance/dominates';
export { weaklyDominates } from './dominance/weaklyDominates';
export { strictlyDominates } from './dominance/strictlyDominates';
export { toMinimization } from './dominance/toMinimization';
export type { ObjectiveDirection } from './dominance/toMinimization';
export { pointsFromRows } from './dominance/pointsFromRows';

export { nonDominatedSort } from './sorting/nonDominatedSort';
export { nonDominatedFilter } from './sorting/nonDominatedFilter';
export { frontsFromRanks } from './sorting/frontsFromRanks';

export { crowdingDistance } from './selection/crowdingDistance';
export { hsspGreedyDecremental } from './selection/hsspGreedyDecremental';
export { hsspGreedyIncremental } from './selection/hsspGreedyIncremental';
export { hsspExact2d } from './selection/hsspExact2d';

export { hypervolume } from './indicators/hypervolume';
export { hypervolumeMonteCarlo } from './indicators/hypervolumeMonteCarlo';
export type { MonteCarloEstimate, MonteCarloOptions } from './indicators/hypervolumeMonteCarlo';
export { hypervolumeContributions } from './indicators/hypervolumeContributions';
export { hypervolumeImprovement } from './indicators/hypervolumeImprovement';
export { hypervolumeRatio } from './indicators/hypervolumeRatio';
export { igd } from './indicators/igd';
export { igdPlus } from './indicators/igdPlus';
export { additiveEpsilon } from './indicators/additiveEpsilon';

export { attainmentSurface2d } from './attainment/attainmentSurface2d';

export { prepareEhvi } from './acquisition/prepareEhvi';
export type { EhviModel, EhviOptions } from './acquisition/prepareEhvi';
export { expectedHypervolumeImprovement } from './acquisition/expectedHypervolumeImprovement';
export { normalCdf, normalPdf, normalQuantile, erf, erfc, erfcx } from './acquisition/normal';
