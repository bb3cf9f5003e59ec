export type { CliIo, Command } from './Command';
export { CliError, describeError } from './commandLineError';
export { defaultModules } from './defaultModules';
export { commands, runCli, type CliOptions } from './runCli';
export type {
  FinalRow,
  FrontSeries,
  GridAnalysis,
  Leaderboard,
  MeanSem,
  ParetoView,
  RankSeries,
  Setting,
  TaskAnalysis,
  TaskMetric,
  TrajectorySeries,
} from './analysis/GridAnalysis';
export { analyzeGrid } from './analysis/analyzeGrid';
export { leaderboardCsv } from './analysis/leaderboardCsv';
export { leaderboardMarkdown } from './analysis/leaderboardMarkdown';
export type { RecordLine, RunResult } from './analysis/RunResult';
export { readRunResult } from './analysis/readRunResult';
export { runTrajectory, valueAt, type Steps } from './analysis/runTrajectory';
export { BUILTIN_PROTOCOLS } from './compare/builtinProtocols';
export type { Experiment, ExperimentArm } from './compare/Experiment';
export { BUILTIN_EXPERIMENTS } from './compare/builtinExperiments';
export type { IncumbentMetric, Protocol, ProtocolMetric, TrajectoryAxis } from './compare/Protocol';
export type { RunEnd, RunHeader } from './compare/RunHeader';
export { renderReport } from './report/html/renderReport';
