import type { ParameterSpec } from '@jahskit/core';
import { ConfigurationSpace, readConfigSpaceJson } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { SurrogateDefinition } from './createSurrogateBenchmark';
import { folderFilePath } from './folderFilePath';
import { readJsonFile } from './readJsonFile';
import { readOnnxSurrogateManifest } from './readOnnxSurrogateManifest';

/** What a caller may pin or add when loading a folder. */
export interface LoadOnnxSurrogateOptions {
  /** Benchmark id; default the manifest's `id`, else `onnx-surrogate`. */
  readonly id?: string;
  /** Expected SHA-256 of the model, overriding the manifest's. */
  readonly sha256?: string;
}

/**
 * Reads an onnx-surrogate folder: `manifest.json`, the ConfigSpace JSON it names (fidelities split
 * off into the fidelity space, whose defaults become their highest values) and the optional mappings.
 * Every file it names must be inside the folder (see folderFilePath). The model itself is opened by
 * {@link createSurrogateBenchmark}.
 */
export async function loadOnnxSurrogateFolder(dir: string, options: LoadOnnxSurrogateOptions = {}): Promise<SurrogateDefinition> {
  const { manifest, manifestPath } = await readOnnxSurrogateManifest(dir);
  const file = (name: string, field: string): Promise<string> => folderFilePath(dir, name, field, manifestPath);
  const full = readConfigSpaceJson((await readJsonFile(await file(manifest.configSpace, 'configSpace'))) as object);
  for (const name of manifest.fidelities) {
    if (!full.names.includes(name)) {
      throw new BenchmarkError('invalid-definition', `${manifestPath}: fidelity "${name}" is not a parameter of ${manifest.configSpace}`, { parameter: name, allowed: full.names.join(', ') });
    }
  }
  const space = manifest.fidelities.length > 0 ? full.without(manifest.fidelities) : full;
  const fidelitySpace = new ConfigurationSpace({
    name: `${options.id ?? manifest.id ?? 'onnx-surrogate'}-fidelity`,
    parameters: manifest.fidelities.map((name) => highestDefault(full.parameters.find((p: ParameterSpec) => p.name === name)!)),
  });
  const mappings = manifest.mappings === undefined ? undefined : ((await readJsonFile(await file(manifest.mappings, 'mappings'))) as Record<string, Record<string, number>>);
  return {
    id: options.id ?? manifest.id ?? 'onnx-surrogate',
    manifest,
    modelPath: await file(manifest.model.file, 'model.file'),
    ...(options.sha256 === undefined ? {} : { sha256: options.sha256 }),
    space,
    fidelitySpace,
    conditions: space.conditions,
    hasForbiddens: space.forbiddens.length > 0,
    ...(mappings === undefined ? {} : { mappings }),
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
