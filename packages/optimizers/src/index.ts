export { OptimizerError, type OptimizerErrorKind } from './errors/OptimizerError';
export { RandomSearch } from './rs/RandomSearch';
export { randomSearchDescriptor, randomSearchModule } from './rs/randomSearchModule';
