import type { InferenceSession, Tensor } from 'onnxruntime-web';
import type { ModelRunner } from './ModelRunner';
import type { OnnxRuntime } from './onnxRuntime';

/** An onnxruntime session as a ModelRunner: the inputs become tensors on views of the callers' arrays. */
export function onnxRuntimeRunner(runtime: OnnxRuntime, session: InferenceSession): ModelRunner {
  const { ort } = runtime;
  return {
    runtime: runtime.name,
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    run: async (inputs, start, rows, output) => {
      const feeds: Record<string, Tensor> = {};
      for (const input of inputs)
        feeds[input.name] = new ort.Tensor(input.data.subarray(start * input.width, (start + rows) * input.width), [rows, input.width]);
      const data = (await session.run(feeds))[output]?.data;
      return data instanceof Float32Array ? data : undefined;
    },
    release: () => session.release(),
  };
}
