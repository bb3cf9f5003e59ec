import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { packageDataPath } from '../internal/packageDataPath';
import { nb301FolderCopy } from './onnxSurrogateFixtures';
import { readOnnxSurrogateManifest } from './readOnnxSurrogateManifest';

const failure = async (edit: (manifest: Record<string, any>) => void): Promise<BenchmarkError> => {
  const error = await readOnnxSurrogateManifest(nb301FolderCopy(edit)).catch((e: unknown) => e);
  expect(BenchmarkError.is(error) && error.kind).toBe('invalid-definition');
  return error as BenchmarkError;
};

describe('readOnnxSurrogateManifest', () => {
  test('reads a valid manifest', async () => {
    const { manifest, manifestPath } = await readOnnxSurrogateManifest(packageDataPath('nb301'));
    expect(manifest.model.file).toBe('model_v2.onnx');
    expect(manifestPath).toBe(join(packageDataPath('nb301'), 'manifest.json'));
  });

  test.each([
    ['a wrong type', (m: Record<string, any>) => void (m['output'].name = 3), 'manifest.json: output.name: expected string, received number'],
    [
      'a bad array item',
      (m: Record<string, any>) => void (m['inputs'][0].columns[1].encoding = 'zzz'),
      "manifest.json: inputs[0].columns[1].encoding: Invalid discriminator value. Expected 'category-index' | 'raw' | 'log' | 'one-hot'",
    ],
    ['an unknown key', (m: Record<string, any>) => void (m['extra'] = 1), 'manifest.json: Unrecognized key: "extra"'],
    [
      'two problems',
      (m: Record<string, any>) => void ((m['format'] = 'v0'), delete m['metrics']),
      'manifest.json: format: expected "jahskit-onnx-surrogate/1"; metrics: expected array, received undefined',
    ],
  ])('%s is said where and what, in one line', async (_, edit, message) => {
    const error = await failure(edit);
    expect(error.message.endsWith(message)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  test('many problems: the first three and how many more', async () => {
    const error = await failure((m) => {
      for (const key of ['format', 'model', 'configSpace', 'inputs', 'output']) delete m[key];
    });
    expect(error.message).toMatch(/manifest\.json: format: .*; model: .*; configSpace: [^;]* \(and 2 more\)$/);
    expect(error.parameter).toBe('format');
  });

  test('a manifest that is not JSON or not there names the file', async () => {
    const missing = await readOnnxSurrogateManifest('/nonexistent-jahskit-folder').catch((e: unknown) => e);
    expect(BenchmarkError.is(missing) && missing.kind).toBe('missing-data');
    expect((missing as Error).message).toBe('cannot read /nonexistent-jahskit-folder/manifest.json: ENOENT');
    const dir = nb301FolderCopy();
    writeFileSync(join(dir, 'manifest.json'), '{"format":');
    const corrupt = await readOnnxSurrogateManifest(dir).catch((e: unknown) => e);
    expect(BenchmarkError.is(corrupt) && corrupt.kind).toBe('corrupt-data');
    expect((corrupt as Error).message).toMatch(/manifest\.json is not valid JSON/);
  });
});
