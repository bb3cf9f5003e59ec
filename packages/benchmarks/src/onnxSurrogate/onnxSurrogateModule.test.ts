import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { createOnnxSurrogateBenchmark } from './createOnnxSurrogateBenchmark';
import { nb301FolderCopy } from './onnxSurrogateFixtures';
import { onnxSurrogateDescriptor } from './onnxSurrogateModule';

const check = (dir: string) => onnxSurrogateDescriptor.checkData!({ dir, intraOpNumThreads: 1 }, { env: {} });

describe('onnx-surrogate data check', () => {
  test('a good folder is ready, with the model checksum', async () => {
    const status = await check(nb301FolderCopy());
    expect(status.ready).toBe(true);
    expect(status.files?.map((f) => f.ok)).toEqual([true, true]);
    expect(status.files?.[1]?.detail).toMatch(/^SHA-256 [0-9a-f]{64}$/);
  });

  test('a model file onnxruntime cannot load is not ok', async () => {
    const dir = nb301FolderCopy((m) => delete m['model'].sha256);
    writeFileSync(join(dir, 'model_v2.onnx'), 'not an onnx model');
    const status = await check(dir);
    expect(status.ready).toBe(false);
    expect(status.detail).toMatch(/model_v2\.onnx cannot be loaded by onnxruntime: /);
    expect(status.detail).not.toContain('\n');
    expect(status.files?.[1]).toMatchObject({ path: join(dir, 'model_v2.onnx'), ok: false, detail: expect.stringMatching(/onnxruntime cannot load it$/) });
  });

  test('a model whose inputs or output are not those of the manifest is not ok', async () => {
    const dir = nb301FolderCopy((m) => {
      m['inputs'][0].name = 'x_categorical';
      m['output'].name = 'y';
    });
    const status = await check(dir);
    expect(status.ready).toBe(false);
    expect(status.detail).toMatch(
      /model_v2\.onnx: the model has inputs x_cat, x_cont and outputs .*; the manifest expects inputs x_categorical, x_cont and output y$/,
    );
  });

  test('an invalid manifest says what is wrong, not only that it is missing', async () => {
    const dir = nb301FolderCopy((m) => void (m['output'].name = 3));
    const status = await check(dir);
    expect(status).toMatchObject({ ready: false, files: [{ path: join(dir, 'manifest.json'), ok: false, detail: 'invalid' }] });
    expect(status.detail).toBe(`${join(dir, 'manifest.json')}: output.name: expected string, received number`);
  });

  test.each([
    ['model.file', (m: Record<string, any>) => void (m['model'].file = '../outside.onnx')],
    ['configSpace', (m: Record<string, any>) => void (m['configSpace'] = '../../config_space_v2.json')],
    ['mappings', (m: Record<string, any>) => void (m['mappings'] = '/etc/hostname')],
  ])('a %s out of the folder is refused by the check and by create', async (field, edit) => {
    const dir = nb301FolderCopy(edit);
    writeFileSync(join(dirname(dir), 'outside.onnx'), 'x');
    const status = await check(dir);
    expect(status.ready).toBe(false);
    expect(status.detail).toMatch(new RegExp(`manifest\\.json: ${field.replace('.', '\\.')}: .* the files of an onnx-surrogate folder must be inside it$`));
    const error = await createOnnxSurrogateBenchmark({ dir, intraOpNumThreads: 1 }).catch((e: unknown) => e);
    expect(BenchmarkError.is(error) && error.kind).toBe('invalid-definition');
    expect((error as BenchmarkError).parameter).toBe(field);
  });

  test('a model that is a symbolic link out of the folder is refused', async () => {
    const dir = nb301FolderCopy();
    const outside = join(dirname(dir), 'model.onnx');
    writeFileSync(outside, 'x');
    rmSync(join(dir, 'model_v2.onnx'));
    symlinkSync(outside, join(dir, 'model_v2.onnx'));
    const status = await check(dir);
    expect(status.ready).toBe(false);
    expect(status.detail).toContain(`model.file: "model_v2.onnx" leads through a symbolic link to ${outside}, outside the folder`);
  });

  test('a missing model is reported missing', async () => {
    const dir = nb301FolderCopy();
    rmSync(join(dir, 'model_v2.onnx'));
    const status = await check(dir);
    expect(status.ready).toBe(false);
    expect(status.files?.[1]).toMatchObject({ ok: false, detail: expect.stringMatching(/^missing \(expected SHA-256 [0-9a-f]{64}\)$/) });
  });
});
