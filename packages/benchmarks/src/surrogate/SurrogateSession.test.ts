import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { packageDataPath } from '../internal/packageDataPath';
import { JAHS_MODEL_SHA256 } from '../jahs/jahsManifest';
import { SurrogateSession } from './SurrogateSession';

const dir = mkdtempSync(join(tmpdir(), 'jahskit-surrogate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<BenchmarkError> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(BenchmarkError.is(caught)).toBe(true);
  return caught as BenchmarkError;
}

describe('SurrogateSession', () => {
  test('a missing model file names the file and its expected checksum', async () => {
    const path = join(dir, 'absent.onnx');
    const error = await failure(SurrogateSession.open({ path, sha256: JAHS_MODEL_SHA256 }));
    expect(error.kind).toBe('missing-data');
    expect(error.message).toContain(path);
    expect(error.message).toContain(JAHS_MODEL_SHA256);
  });

  test('a corrupted model file (one byte changed) names the file and its expected checksum', async () => {
    const path = join(dir, 'corrupt.onnx');
    copyFileSync(packageDataPath('jahs', 'jahs_thesis_cifar10.onnx'), path);
    const bytes = readFileSync(path);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(path, bytes);
    const error = await failure(SurrogateSession.open({ path, sha256: JAHS_MODEL_SHA256 }));
    expect(error.kind).toBe('corrupt-data');
    expect(error.message).toContain(path);
    expect(error.message).toContain(JAHS_MODEL_SHA256);
    expect(error.parameter).toBe(path);
  });

  test('a file that is no model gives a model error, not a crash', async () => {
    const path = join(dir, 'garbage.onnx');
    writeFileSync(path, 'not a model');
    const error = await failure(SurrogateSession.open({ path }));
    expect(error.kind).toBe('model-error');
  });

  test('sessions are shared per file and thread setting and released by the last user', async () => {
    const file = { path: packageDataPath('jahs', 'jahs_thesis_cifar10.onnx'), sha256: JAHS_MODEL_SHA256 };
    const a = await SurrogateSession.open(file);
    const b = await SurrogateSession.open(file);
    expect(a.inputNames).toEqual(['X']);
    await a.close();
    const rows = 3;
    const y = await b.run([{ name: 'X', width: 41, data: new Float32Array(rows * 41) }], rows, 'Y', 3, 2);
    expect(y).toHaveLength(rows * 3);
    await b.close();
    await expect(b.run([{ name: 'X', width: 41, data: new Float32Array(41) }], 1, 'Y', 3, 2)).rejects.toThrow(/closed/);
  });
});
