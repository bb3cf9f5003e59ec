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
export { constant, ConstantHyperparameter, type ConstantOptions } from './hyperparameters/ConstantHyperparameter';
export { float, FloatHyperparameter, type FloatOptions } from './hyperparameters/FloatHyperparameter';
export type { Hyperparameter } from './hyperparameters/Hyperparameter';
export { hyperparameterFromSpec } from './hyperparameters/hyperparameterFromSpec';
export { integer, IntegerHyperparameter, type IntegerOptions } from './hyperparameters/IntegerHyperparameter';
export { ordinal, OrdinalHyperparameter, type OrdinalOptions } from './hyperparameters/OrdinalHyperparameter';
export { ConfigurationSpace, type ConfigurationSpaceDefinition } from './space/ConfigurationSpace';
