import { ConfigurationSpace, readConfigSpaceJson } from '@jahskit/spaces';
import type { SurrogateDefinition } from './createSurrogateBenchmark';
import type { OnnxSurrogateManifest } from './OnnxSurrogateManifest';

type CodecDefinition = Pick<SurrogateDefinition, 'manifest' | 'space' | 'fidelitySpace' | 'conditions' | 'mappings'>;

const categorical = (name: string, choices: readonly unknown[]) => ({ name, type: 'categorical', choices, default: choices[0] });

/**
 * A space large enough for the row codec's gathered read (more than 8 parameters) that mixes every
 * kind of parameter and condition the codec handles: string choices under IN, NEQ, LT/GT (on an
 * ordinal), AND and OR conditions (decoded by bit masks), and numeric, boolean and numeric-choice
 * parameters and a numeric parent (decoded by `switch` and `if`). `rename` maps every parameter name,
 * so that the names can be made hard to hash.
 */
export function mixedCodecDefinition(rename: (name: string) => string = (name) => name): CodecDefinition {
  const n = rename;
  const json = {
    json_format_version: 0.4,
    hyperparameters: [
      categorical(n('op_a'), ['conv', 'pool', 'skip']),
      categorical(n('op_b'), ['conv', 'pool', 'skip']),
      categorical(n('nodes'), ['0_1', '0_2', '1_2']),
      categorical(n('child_in'), ['x', 'y']),
      categorical(n('child_neq'), ['x', 'y', 'z']),
      { name: n('level'), type: 'ordinal', sequence: ['low', 'mid', 'high'], default: 'low' },
      categorical(n('child_gt'), ['p', 'q']),
      { name: n('depth'), type: 'uniform_int', lower: 1, upper: 8, default: 1, log: false },
      categorical(n('child_numeric_parent'), ['u', 'v']),
      categorical(n('width'), [16, 32, 64]),
      categorical(n('flag'), [true, false]),
      { name: n('lr'), type: 'uniform_float', lower: 0.0001, upper: 1, default: 0.01, log: true },
      categorical(n('child_and'), ['m', 'n']),
      { name: n('child_or'), type: 'uniform_float', lower: 0, upper: 1, default: 0.5, log: false },
    ],
    conditions: [
      { child: n('child_in'), parent: n('nodes'), type: 'IN', values: ['0_1', '0_2'] },
      { child: n('child_neq'), parent: n('op_a'), type: 'NEQ', value: 'skip' },
      { child: n('child_gt'), parent: n('level'), type: 'GT', value: 'low' },
      { child: n('child_numeric_parent'), parent: n('depth'), type: 'GT', value: 4 },
      {
        child: n('child_and'),
        type: 'AND',
        conditions: [
          { child: n('child_and'), parent: n('op_b'), type: 'EQ', value: 'conv' },
          { child: n('child_and'), parent: n('nodes'), type: 'IN', values: ['0_2', '1_2'] },
        ],
      },
      {
        child: n('child_or'),
        type: 'OR',
        conditions: [
          { child: n('child_or'), parent: n('op_a'), type: 'EQ', value: 'pool' },
          { child: n('child_or'), parent: n('child_and'), type: 'EQ', value: 'm' },
        ],
      },
    ],
    forbiddens: [],
  };
  const space = readConfigSpaceJson(json);
  const fidelitySpace = new ConfigurationSpace({
    name: 'mixed-fidelity',
    parameters: [{ name: 'epoch', type: 'integer', lower: 1, upper: 10, log: false, default: 10 }],
  });
  const coded = ['op_a', 'op_b', 'nodes', 'child_in', 'child_neq', 'level', 'child_gt', 'child_numeric_parent', 'child_and', 'flag'];
  const mappings = Object.fromEntries(
    coded.map((name) => {
      const spec = json.hyperparameters.find((h) => h.name === n(name))!;
      const values: readonly unknown[] = 'choices' in spec ? spec.choices : (spec.sequence ?? []);
      return [n(name), { '#na#': 0, ...Object.fromEntries(values.map((v, i) => [String(v), i + 1])) }];
    }),
  );
  const manifest = {
    inputs: [
      { name: 'x_cat', dtype: 'int32', columns: coded.map((name) => ({ parameter: n(name), encoding: 'category-index' })) },
      {
        name: 'x_cont',
        dtype: 'float32',
        columns: [
          { parameter: n('depth'), encoding: 'raw', inactive: -1 },
          { parameter: n('width'), encoding: 'raw', inactive: 0 },
          { parameter: n('lr'), encoding: 'log', inactive: 0 },
          { parameter: n('child_or'), encoding: 'raw', inactive: -1 },
          { parameter: n('op_b'), encoding: 'one-hot', categories: ['conv', 'pool', 'skip'], drop: 'conv' },
          { parameter: 'epoch', encoding: 'raw', inactive: 0 },
        ],
      },
    ],
  } as unknown as OnnxSurrogateManifest;
  return { manifest, space, fidelitySpace, conditions: space.conditions, mappings };
}
