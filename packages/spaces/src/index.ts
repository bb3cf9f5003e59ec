export { andConditions } from './conditions/andConditions';
export { compileCondition, type ActivityCheck, type ParameterResolver, type ValueSlots } from './conditions/compileCondition';
export type { Condition, ConditionType, ConjunctionCondition, InCondition, ValueCondition } from './conditions/Condition';
export { conditionParents } from './conditions/conditionParents';
export { describeCondition } from './conditions/describeCondition';
export { equalsCondition } from './conditions/equalsCondition';
export { greaterThanCondition } from './conditions/greaterThanCondition';
export { inCondition } from './conditions/inCondition';
export { lessThanCondition } from './conditions/lessThanCondition';
export { notEqualsCondition } from './conditions/notEqualsCondition';
export { orConditions } from './conditions/orConditions';
export { SpaceError, type SpaceErrorDetails, type SpaceErrorKind } from './errors/SpaceError';
export { compileForbidden, type ForbiddenCheck } from './forbiddens/compileForbidden';
export { describeForbidden } from './forbiddens/describeForbidden';
export { forbiddenAnd } from './forbiddens/forbiddenAnd';
export type {
  ForbiddenAndClause,
  ForbiddenClause,
  ForbiddenEqualsClause,
  ForbiddenInClause,
  ForbiddenRelationClause,
  ForbiddenType,
} from './forbiddens/ForbiddenClause';
export { forbiddenEquals } from './forbiddens/forbiddenEquals';
export { forbiddenEqualsRelation } from './forbiddens/forbiddenEqualsRelation';
export { forbiddenGreaterThan } from './forbiddens/forbiddenGreaterThan';
export { forbiddenIn } from './forbiddens/forbiddenIn';
export { forbiddenLessThan } from './forbiddens/forbiddenLessThan';
export { forbiddenParameters } from './forbiddens/forbiddenParameters';
export { categorical, CategoricalHyperparameter, type CategoricalOptions } from './hyperparameters/CategoricalHyperparameter';
export { ChoiceHyperparameter } from './hyperparameters/ChoiceHyperparameter';
export { constant, ConstantHyperparameter, type ConstantOptions } from './hyperparameters/ConstantHyperparameter';
export { float, FloatHyperparameter, type FloatOptions } from './hyperparameters/FloatHyperparameter';
export type { Hyperparameter } from './hyperparameters/Hyperparameter';
export { hyperparameterFromSpec } from './hyperparameters/hyperparameterFromSpec';
export { integer, IntegerHyperparameter, type IntegerOptions } from './hyperparameters/IntegerHyperparameter';
export { NumericalHyperparameter } from './hyperparameters/NumericalHyperparameter';
export { ordinal, OrdinalHyperparameter, type OrdinalOptions } from './hyperparameters/OrdinalHyperparameter';
export { ConfigurationSpace, type ConfigurationSpaceDefinition } from './space/ConfigurationSpace';
export { checkNumericPrior, type NumericPrior } from './priors/NumericPrior';
export { logPriorDensity } from './priors/logPriorDensity';
export { priorOf } from './priors/priorOf';
export { UnitPrior } from './priors/UnitPrior';
export { withoutPriors } from './priors/withoutPriors';
export { detectPcsFormat, type PcsFormat } from './pcs/detectPcsFormat';
export { readPcs, type ReadPcsOptions } from './pcs/readPcs';
export { writePcs, type WritePcsOptions } from './pcs/writePcs';
export { nb201ArchString, parseNb201ArchString } from './cells/nb201/nb201ArchString';
export { nb201IsConnected, nb201IsomorphismHash } from './cells/nb201/nb201IsomorphismHash';
export { nb201FromIndex, nb201FromOpIndices, nb201Index, nb201OpIndices } from './cells/nb201/nb201OpIndices';
export { NB201_EDGE_NAMES, NB201_EDGES, NB201_OPS, nb201Space, type Nb201Op } from './cells/nb201/nb201Space';
export { CONDITION_READERS, CONDITION_WRITERS } from './serialization/conditionCodecs';
export type {
  ConditionReader,
  ConditionWriter,
  ConfigSpaceJsonCodec,
  ForbiddenReader,
  ForbiddenWriter,
  HyperparameterReader,
  HyperparameterWriter,
  JsonObject,
} from './serialization/ConfigSpaceJsonCodec';
export { DEFAULT_CODEC } from './serialization/defaultCodec';
export { extendCodec, type CodecExtension } from './serialization/extendCodec';
export { FORBIDDEN_READERS, FORBIDDEN_WRITERS } from './serialization/forbiddenCodecs';
export { HYPERPARAMETER_READERS, HYPERPARAMETER_WRITERS, unsupportedHyperparameter } from './serialization/hyperparameterCodecs';
export {
  asItem,
  jsonError,
  readArray,
  readBoolean,
  readMeta,
  readNumber,
  readOptionalNumber,
  readOptionalValue,
  readString,
  readValue,
  readValues,
  type JsonItem,
} from './serialization/jsonFields';
export { configSpaceJsonFormatOf, readConfigSpaceJson, type ReadConfigSpaceJsonOptions } from './serialization/readConfigSpaceJson';
export { CONFIG_SPACE_JSON_FORMATS, detectConfigSpaceJsonFormat, type ConfigSpaceJsonFormat } from './serialization/ConfigSpaceJsonFormat';
export { JSON_FORMAT_VERSION, writeConfigSpaceJson, type WriteConfigSpaceJsonOptions } from './serialization/writeConfigSpaceJson';
export {
  DARTS_OPS,
  dartsEdgeName,
  dartsInputsName,
  dartsSpace,
  NB301_FIDELITY,
  NB301_PREFIX,
  nb301ConfigSpace,
  nb301FidelitySpace,
  type DartsCell,
} from './cells/darts/dartsSpace';
export { joinNb301Configuration, splitNb301Configuration } from './cells/darts/splitNb301Configuration';
export { nashpobench2CellCode, parseNashpobench2CellCode, parseNashpobench2CellCode as parseCellCode } from './cells/nashpobench2/nashpobench2CellCode';
export {
  nashpobench2CellCodes,
  nashpobench2CellIndex,
  nashpobench2FlatIndex,
  nashpobench2FromFlatIndex,
  nashpobench2FromKey,
  nashpobench2Key,
  type Nashpobench2Key,
} from './cells/nashpobench2/nashpobench2Index';
export {
  NASHPOBENCH2_BATCH_SIZES,
  NASHPOBENCH2_EDGE_NAMES,
  NASHPOBENCH2_LRS,
  NASHPOBENCH2_OPS,
  nashpobench2Space,
} from './cells/nashpobench2/nashpobench2Space';
export { jahsToNb201, nb201ToJahs } from './cells/jahs/jahsNb201';
export { JAHS_HPO_FIXED, JAHS_NAS_FIXED, jahsHpoOnly, jahsNasOnly } from './cells/jahs/jahsRestrictions';
export { JAHS_EDGES, JAHS_FIDELITIES, JAHS_OP_NAMES, JAHS_OPS, jahsFidelitySpace, jahsSpace } from './cells/jahs/jahsSpace';
export { cellSpaceDescriptors, cellSpacesModule } from './cells/cellSpacesModule';
