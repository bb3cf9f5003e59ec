import { CONDITION_READERS, CONDITION_WRITERS } from './conditionCodecs';
import type { ConfigSpaceJsonCodec } from './ConfigSpaceJsonCodec';
import { FORBIDDEN_READERS, FORBIDDEN_WRITERS } from './forbiddenCodecs';
import { HYPERPARAMETER_READERS, HYPERPARAMETER_WRITERS } from './hyperparameterCodecs';

/** The ConfigSpace JSON codec with every type jahskit supports. */
export const DEFAULT_CODEC: ConfigSpaceJsonCodec = Object.freeze({
  hyperparameterReaders: HYPERPARAMETER_READERS,
  hyperparameterWriters: HYPERPARAMETER_WRITERS,
  conditionReaders: CONDITION_READERS,
  conditionWriters: CONDITION_WRITERS,
  forbiddenReaders: FORBIDDEN_READERS,
  forbiddenWriters: FORBIDDEN_WRITERS,
});
