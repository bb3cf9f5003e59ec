import { BenchmarkError } from '../errors/BenchmarkError';
import { nodeBuiltin } from '../internal/nodeBuiltin';
import { sha256Hex } from '../internal/sha256Hex';

/**
 * Reads a model file and checks it against its expected SHA-256, so that a truncated download or a
 * different model version fails here with the file's name, not later with wrong predictions.
 * Returns the bytes: the session is created from exactly what was checked. `read` gives the bytes
 * where the file is not on disk (a browser); by default `path` is read with Node.
 */
export async function readVerifiedModel(path: string, expectedSha256: string | undefined, read?: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = read === undefined ? await nodeBuiltin('node:fs/promises', `model file ${path}`).readFile(path) : await read();
  } catch (error) {
    if (BenchmarkError.is(error) && error.kind !== 'missing-data') throw error;
    const expected = expectedSha256 === undefined ? '' : ` (expected SHA-256 ${expectedSha256})`;
    throw new BenchmarkError('missing-data', `model file ${path} cannot be read${expected}: ${(error as Error).message}`, {
      parameter: path,
      ...(expectedSha256 === undefined ? {} : { allowed: `SHA-256 ${expectedSha256}` }),
      cause: error,
    });
  }
  if (expectedSha256 !== undefined) {
    const actual = await sha256Hex(bytes);
    if (actual !== expectedSha256.toLowerCase()) {
      throw new BenchmarkError(
        'corrupt-data',
        `model file ${path} has SHA-256 ${actual}, expected ${expectedSha256}: the file is corrupted or a different version; restore it from the package`,
        { parameter: path, allowed: `SHA-256 ${expectedSha256}` },
      );
    }
  }
  return bytes;
}
