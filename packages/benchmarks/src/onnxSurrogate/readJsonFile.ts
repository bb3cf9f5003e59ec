import { BenchmarkError } from '../errors/BenchmarkError';
import { nodeBuiltin } from '../internal/nodeBuiltin';

/** A JSON file of a folder; missing ('missing-data') and unparsable ('corrupt-data') name the file. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await nodeBuiltin('node:fs/promises', `reading ${path}`).readFile(path, 'utf8');
  } catch (error) {
    if (BenchmarkError.is(error)) throw error;
    throw new BenchmarkError('missing-data', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      parameter: path,
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BenchmarkError('corrupt-data', `${path} is not valid JSON: ${(error as Error).message}`, { parameter: path, cause: error });
  }
}
