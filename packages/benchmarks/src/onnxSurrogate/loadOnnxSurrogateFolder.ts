import type { SurrogateDefinition } from './createSurrogateBenchmark';
import { folderFilePath } from './folderFilePath';
import { readJsonFile } from './readJsonFile';
import { readOnnxSurrogateManifest } from './readOnnxSurrogateManifest';
import { surrogateDefinitionFromJson } from './surrogateDefinitionFromJson';

/** What a caller may pin or add when loading a folder. */
export interface LoadOnnxSurrogateOptions {
  /** Benchmark id; default the manifest's `id`, else `onnx-surrogate`. */
  readonly id?: string;
  /** Expected SHA-256 of the model, overriding the manifest's. */
  readonly sha256?: string;
}

/**
 * Reads an onnx-surrogate folder on disk: `manifest.json`, the ConfigSpace JSON it names and the
 * optional mappings. Every file it names must be inside the folder (see folderFilePath). The model
 * itself is opened by {@link createSurrogateBenchmark}. {@link readOnnxSurrogateFiles} reads the same
 * files from anywhere else (a URL).
 */
export async function loadOnnxSurrogateFolder(dir: string, options: LoadOnnxSurrogateOptions = {}): Promise<SurrogateDefinition> {
  const { manifest, manifestPath } = await readOnnxSurrogateManifest(dir);
  const file = (name: string, field: string): Promise<string> => folderFilePath(dir, name, field, manifestPath);
  const configSpace = await readJsonFile(await file(manifest.configSpace, 'configSpace'));
  const mappings =
    manifest.mappings === undefined ? undefined : ((await readJsonFile(await file(manifest.mappings, 'mappings'))) as Record<string, Record<string, number>>);
  return surrogateDefinitionFromJson(
    { manifest, manifestPath, configSpace, ...(mappings === undefined ? {} : { mappings }), modelPath: await file(manifest.model.file, 'model.file') },
    options,
  );
}
