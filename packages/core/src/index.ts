export type { Benchmark, Evaluation, EvaluationRequest, EvaluationStatus, KnownOptimum, ParetoFront } from './benchmark/Benchmark';
export type { Direction, Objective } from './benchmark/Objective';
export { CoreError, type CoreErrorKind } from './errors/CoreError';
export { describeValue } from './errors/describeValue';
export { JahskitError } from './errors/JahskitError';
export type { Constraint } from './expression/Constraint';
export type { DerivedObjective } from './expression/DerivedObjective';
export { EXPRESSION_FUNCTIONS, ExpressionCompiler, type ExpressionParser } from './expression/ExpressionCompiler';
export { loadExpressionCompiler } from './expression/loadExpressionCompiler';
export { totalViolation } from './expression/totalViolation';
export { withDerivedObjectives } from './expression/withDerivedObjectives';
export type { JsonValue } from './json/JsonValue';
export type { Observation } from './optimizer/Observation';
export { handlesObjectives } from './optimizer/handlesObjectives';
export type { Optimizer, OptimizerCapabilities } from './optimizer/Optimizer';
export type { OptimizerContext } from './optimizer/OptimizerContext';
export { optimizerContextFor, type OptimizerProblem } from './optimizer/optimizerContextFor';
export type { Trial } from './optimizer/Trial';
export type { TrialResult, TrialStatus } from './optimizer/TrialResult';
export { createRegistry } from './plugin/createRegistry';
export { definePlugin, isPluginModule, type PluginModule, type PluginSet } from './plugin/definePlugin';
export { describeOptions, type OptionDescription } from './plugin/describeOptions';
export type {
  BenchmarkContext,
  BenchmarkDescriptor,
  DataStatus,
  OptimizerDescriptor,
  PluginDescriptor,
  SpaceDescriptor,
} from './plugin/PluginDescriptor';
export { PluginRegistry } from './plugin/PluginRegistry';
export type { PluginCategory } from './plugin/tokens';
export { schemaKeys, validateOptions } from './plugin/validateOptions';
export { hashSeed, mix32 } from './random/hashSeed';
export { assertSeed, Rng, type RngState } from './random/Rng';
export type { Configuration, ParamValue } from './space/Configuration';
export { EMPTY_SPACE } from './space/emptySpace';
export type { ParameterRole, ParameterSpec, ParameterType } from './space/ParameterSpec';
export type { SearchSpace } from './space/SearchSpace';
export { EventQueue } from './study/EventQueue';
export { simulate, type SimulationBudget, type SimulationOptions, type SimulationResult } from './study/simulate';
export { sameConfiguration, Study, type StudyOptions, type TrialSchedule } from './study/Study';
export type { TrialRecord } from './study/TrialRecord';
export { WallClock, type WallClockEntry } from './study/WallClock';
export { chainDigest, CHAIN_START } from './storage/chainDigest';
export { LineChain } from './storage/LineChain';
export { decodeJournalLine, encodeJournalLine } from './storage/journalLine';
export { JOURNAL_SCHEMA, type JournalEntry, type JournalOp, type JournalResult, type StudySpec } from './storage/JournalEntry';
export { MemoryStorage } from './storage/MemoryStorage';
export { StoredStudy, type CreateStudyOptions, type StoredStudyOptions, type StudyParts, type TellOutcome } from './storage/StoredStudy';
export type { StorageDecision, StudyStorage } from './storage/StudyStorage';
