import { z } from 'zod';

const paramValue = z.union([z.string(), z.number(), z.boolean()]);

/** How one parameter becomes one (or, for one-hot, several) entries of an input tensor row. */
const column = z.discriminatedUnion('encoding', [
  z
    .object({
      parameter: z.string(),
      encoding: z.literal('category-index'),
      /** Value (as a string: JSON keys are strings) -> integer code; taken from `mappings` when absent. */
      mapping: z.record(z.string(), z.number().int()).optional(),
      /** Code of an inactive parameter; default `mapping["#na#"]`, else 0. */
      inactive: z.number().optional(),
    })
    .strict(),
  z.object({ parameter: z.string(), encoding: z.literal('raw'), inactive: z.number().default(0) }).strict(),
  z.object({ parameter: z.string(), encoding: z.literal('log'), inactive: z.number().default(0) }).strict(),
  z
    .object({
      parameter: z.string(),
      encoding: z.literal('one-hot'),
      /** The categories in output order; one column each, except `drop`. */
      categories: z.array(paramValue).min(1),
      /** A category that gets no column (sklearn's drop='if_binary' drops the first of two). */
      drop: paramValue.optional(),
    })
    .strict(),
]);

const metric = z
  .object({
    name: z.string(),
    /** The output column it is computed from. */
    column: z.string(),
    direction: z.enum(['minimize', 'maximize']),
    /** value = clip(offset + scale * output[column], min, max). */
    offset: z.number().default(0),
    scale: z.number().default(1),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
    description: z.string().optional(),
  })
  .strict();

const cost = z.union([
  z
    .object({
      /** Output column holding the seconds of training from scratch at the fidelity. */
      column: z.string(),
      scale: z.number().positive().default(1),
      /** Predictions below are raised to it (a regression can predict negative runtimes). */
      min: z.number().default(0),
    })
    .strict(),
  z
    .object({
      /** Cost grows linearly in one fidelity parameter. */
      fidelity: z.string(),
      secondsPerUnit: z.number().positive(),
    })
    .strict(),
]);

/** `manifest.json` of an onnx-surrogate folder; see docs/benchmarks/onnx-surrogate.md. */
export const onnxSurrogateManifestSchema = z
  .object({
    format: z.literal('jahskit-onnx-surrogate/1'),
    id: z.string().optional(),
    summary: z.string().optional(),
    model: z
      .object({
        file: z.string(),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
        /** Rows per `session.run`; choose by measurement (tree ensembles slow down on large calls). */
        chunkSize: z.number().int().positive().default(256),
      })
      .strict(),
    /** ConfigSpace JSON file of all parameters, fidelities included. */
    configSpace: z.string(),
    /** Parameters of the ConfigSpace JSON that are fidelities; their default becomes their highest value. */
    fidelities: z.array(z.string()).default([]),
    /** Optional JSON file {parameter: {value: code}} for `category-index` columns without `mapping`. */
    mappings: z.string().optional(),
    inputs: z.array(z.object({ name: z.string(), dtype: z.enum(['float32', 'int32', 'int64']), columns: z.array(column).min(1) }).strict()).min(1),
    output: z.object({ name: z.string(), columns: z.array(z.string()).min(1) }).strict(),
    metrics: z.array(metric).min(1),
    /** The default task: names from `metrics`. */
    objectives: z.array(z.string()).min(1),
    cost,
    /** Whether training continues across fidelities (cost cumulative in them). */
    continuation: z.boolean().default(false),
  })
  .strict();

export type OnnxSurrogateManifest = z.output<typeof onnxSurrogateManifestSchema>;
