/**
 * A short tour of @jahskit/spaces: define a conditional space, sample and validate
 * configurations, encode them as vectors, move to neighbours, restrict the space, round-trip it
 * through ConfigSpace JSON, and use the NAS-Bench-201 cell helpers.
 */
import { Rng, type Configuration } from '@jahskit/core';
import {
  categorical,
  ConfigurationSpace,
  constant,
  equalsCondition,
  float,
  forbiddenAnd,
  forbiddenEquals,
  integer,
  nb201ArchString,
  nb201IsomorphismHash,
  nb201Space,
  ordinal,
  readConfigSpaceJson,
  SpaceError,
  writeConfigSpaceJson,
} from '@jahskit/spaces';

export interface SpacesExampleResult {
  readonly sampled: Configuration[];
  readonly vector: number[];
  readonly neighbours: Configuration[];
  readonly restricted: Configuration;
  readonly jsonRoundTrip: boolean;
  readonly error: string;
  readonly archString: string;
  readonly sameCellHash: boolean;
}

export function spacesExample(): SpacesExampleResult {
  const space = new ConfigurationSpace({
    name: 'mlp',
    parameters: [
      categorical('optimizer', ['sgd', 'adam']),
      float('lr', 1e-4, 1e-1, { log: true }),
      float('momentum', 0, 0.99, { q: 0.01, default: 0.9 }),
      integer('layers', 1, 8),
      ordinal('batch_size', [32, 64, 128]),
      constant('loss', 'cross_entropy'),
    ],
    // momentum only exists for SGD.
    conditions: [equalsCondition('momentum', 'optimizer', 'sgd')],
    // Adam with the smallest batch is not allowed.
    forbiddens: [forbiddenAnd(forbiddenEquals('optimizer', 'adam'), forbiddenEquals('batch_size', 32))],
  });

  const rng = Rng.seeded(42);
  const sampled = space.sampleMany(rng, 3);
  const first = sampled[0] as Configuration;
  // Vector: categorical/ordinal -> index, numbers -> [0, 1] (log scale for lr), constant -> 0, inactive -> NaN.
  const vector = Array.from(space.encode(first));
  const neighbours = space.neighbours(first, rng, 2);
  // HPO-only style restriction: fix the optimizer; samples stay legal in the original space.
  const restricted = space.restrict({ optimizer: 'sgd' }).sample(rng);
  const json = JSON.stringify(writeConfigSpaceJson(space));
  const reread = readConfigSpaceJson(json);
  const jsonRoundTrip = JSON.stringify(writeConfigSpaceJson(reread)) === json;

  let error = '';
  try {
    space.validate({ optimizer: 'adam', lr: 0.01, layers: 2, batch_size: 64, loss: 'cross_entropy', momentum: 0.9 });
  } catch (e) {
    if (SpaceError.is(e)) error = `${e.kind}: ${e.message}`;
  }

  // NAS-Bench-201: six edges op_0_1 .. op_2_3 with the official op names.
  const cells = nb201Space();
  const cell = { op_0_1: 'skip_connect', op_0_2: 'none', op_1_2: 'none', op_0_3: 'none', op_1_3: 'nor_conv_3x3', op_2_3: 'none' };
  cells.validate(cell);
  // skip_connect is the identity: 0 -skip-> 1 -conv-> 3 is the same cell as 0 -conv-> 3.
  const twin = { ...cell, op_0_1: 'none', op_1_3: 'none', op_0_3: 'nor_conv_3x3' };
  return {
    sampled,
    vector,
    neighbours,
    restricted,
    jsonRoundTrip,
    error,
    archString: nb201ArchString(cell),
    sameCellHash: nb201IsomorphismHash(cell) === nb201IsomorphismHash(twin),
  };
}
