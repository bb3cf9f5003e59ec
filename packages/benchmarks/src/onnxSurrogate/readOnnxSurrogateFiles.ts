import type { DataFiles } from '../data/DataFiles';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { SurrogateDefinition } from './createSurrogateBenchmark';
import type { LoadOnnxSurrogateOptions } from './loadOnnxSurrogateFolder';
import { parseOnnxSurrogateManifest } from './readOnnxSurrogateManifest';
import { surrogateDefinitionFromJson } from './surrogateDefinitionFromJson';

/**
 * Reads an onnx-surrogate folder through {@link DataFiles} (a URL in a browser, say): the same files
 * as {@link loadOnnxSurrogateFolder}, with the model read through them when the benchmark opens it.
 */
export async function readOnnxSurrogateFiles(files: DataFiles, options: LoadOnnxSurrogateOptions = {}): Promise<SurrogateDefinition> {
  const where = (name: string): string => `${files.location.replace(/\/?$/, '/')}${name}`;
  const json = async (name: string): Promise<unknown> => {
    const bytes = await files.read(name);
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new BenchmarkError('corrupt-data', `${where(name)} is not valid JSON: ${(error as Error).message}`, { parameter: where(name), cause: error });
    }
  };
  const manifestPath = where('manifest.json');
  const manifest = parseOnnxSurrogateManifest(await json('manifest.json'), manifestPath);
  const configSpace = await json(manifest.configSpace);
  const mappings = manifest.mappings === undefined ? undefined : ((await json(manifest.mappings)) as Record<string, Record<string, number>>);
  return surrogateDefinitionFromJson(
    {
      manifest,
      manifestPath,
      configSpace,
      ...(mappings === undefined ? {} : { mappings }),
      modelPath: where(manifest.model.file),
      readModel: () => files.read(manifest.model.file),
    },
    options,
  );
}
