import { BenchmarkError } from '../errors/BenchmarkError';
import type { ModelRunner } from '../surrogate/ModelRunner';
import type { TreeModel } from './treeEnsembleFromOnnx';

/** jahskit's tree-ensemble evaluator as a ModelRunner (synchronous work behind the async contract). */
export function treeEnsembleRunner(model: TreeModel, path: string): ModelRunner {
  const { ensemble, input, output } = model;
  const { features } = ensemble.layout;
  return {
    runtime: 'jahskit-trees',
    inputNames: [input],
    outputNames: [output],
    run: async (inputs, start, rows, wanted) => {
      const x = inputs.find((i) => i.name === input);
      if (inputs.length !== 1 || x === undefined || !(x.data instanceof Float32Array)) {
        throw new BenchmarkError('model-error', `model ${path} takes one float32 input "${input}"`, { parameter: input });
      }
      if (x.width < features)
        throw new BenchmarkError('model-error', `model ${path} reads ${features} features; input "${input}" has ${x.width}`, { parameter: input });
      return wanted === output ? ensemble.predict(x.data.subarray(start * x.width, (start + rows) * x.width), rows, x.width) : undefined;
    },
    release: async () => {},
  };
}
