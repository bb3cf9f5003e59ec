import type { ParameterSpec } from '@jahskit/core';
import { ConfigurationSpace, readConfigSpaceJson } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { SurrogateDefinition } from './createSurrogateBenchmark';
import type { OnnxSurrogateManifest } from './OnnxSurrogateManifest';

/** The parsed files of an onnx-surrogate folder, wherever they were read from. */
export interface SurrogateFolderJson {
  readonly manifest: OnnxSurrogateManifest;
  /** Where the manifest is (path or URL), for messages. */
  readonly manifestPath: string;
  readonly configSpace: unknown;
  readonly mappings?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly modelPath: string;
  readonly readModel?: () => Promise<Uint8Array>;
}

/**
 * A surrogate definition from an onnx-surrogate folder's files: the ConfigSpace JSON's fidelities are
 * split off into the fidelity space, whose defaults become their highest values.
 */
export function surrogateDefinitionFromJson(json: SurrogateFolderJson, options: { readonly id?: string; readonly sha256?: string } = {}): SurrogateDefinition {
  const { manifest, manifestPath } = json;
  const full = readConfigSpaceJson(json.configSpace as object);
  for (const name of manifest.fidelities) {
    if (!full.names.includes(name)) {
      throw new BenchmarkError('invalid-definition', `${manifestPath}: fidelity "${name}" is not a parameter of ${manifest.configSpace}`, {
        parameter: name,
        allowed: full.names.join(', '),
      });
    }
  }
  const space = manifest.fidelities.length > 0 ? full.without(manifest.fidelities) : full;
  const fidelitySpace = new ConfigurationSpace({
    name: `${options.id ?? manifest.id ?? 'onnx-surrogate'}-fidelity`,
    parameters: manifest.fidelities.map((name) => highestDefault(full.parameters.find((p: ParameterSpec) => p.name === name)!)),
  });
  return {
    id: options.id ?? manifest.id ?? 'onnx-surrogate',
    manifest,
    modelPath: json.modelPath,
    ...(json.readModel === undefined ? {} : { readModel: json.readModel }),
    ...(options.sha256 === undefined ? {} : { sha256: options.sha256 }),
    space,
    fidelitySpace,
    conditions: space.conditions,
    hasForbiddens: space.forbiddens.length > 0,
    ...(json.mappings === undefined ? {} : { mappings: json.mappings }),
  };
}

/** A fidelity's default is its highest value: single-fidelity optimizers evaluate full training. */
function highestDefault(spec: ParameterSpec): ParameterSpec {
  switch (spec.type) {
    case 'integer':
    case 'float':
      return { ...spec, default: spec.upper };
    case 'ordinal':
      return { ...spec, default: spec.sequence[spec.sequence.length - 1]! };
    case 'categorical':
      return { ...spec, default: spec.choices[spec.choices.length - 1]! };
    case 'constant':
      return spec;
  }
}
