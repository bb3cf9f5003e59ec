import type { OnnxRuntimeName } from './onnxRuntime';
import type { SurrogateInput } from './SurrogateSession';

/** What runs a surrogate model's rows: an onnxruntime session or jahskit's tree-ensemble evaluator. */
export interface ModelRunner {
  readonly runtime: OnnxRuntimeName;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /**
   * Runs rows `start .. start + rows - 1` of the inputs and returns output `output` as a row-major
   * float32 array; undefined when the model has no such float32 output.
   */
  run(inputs: readonly SurrogateInput[], start: number, rows: number, output: string): Promise<Float32Array | undefined>;
  release(): Promise<void>;
}
