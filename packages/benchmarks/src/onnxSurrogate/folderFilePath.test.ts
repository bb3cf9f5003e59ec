import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { folderFilePath } from './folderFilePath';

/** <root>/folder/{model.onnx, sub/inner.json, inner-link -> sub/inner.json, outer-link -> ../secret}, <root>/secret */
function layout(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'jahskit-folder-'));
  const dir = join(root, 'folder');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'model.onnx'), 'model');
  writeFileSync(join(dir, 'sub', 'inner.json'), '{}');
  writeFileSync(join(root, 'secret'), 'not yours');
  symlinkSync(join('sub', 'inner.json'), join(dir, 'inner-link'));
  symlinkSync(join(root, 'secret'), join(dir, 'outer-link'));
  symlinkSync(root, join(dir, 'up'));
  return { root, dir };
}

const refusal = async (dir: string, file: string): Promise<BenchmarkError> => {
  const error = await folderFilePath(dir, file, 'model.file', join(dir, 'manifest.json')).catch((e: unknown) => e);
  expect(BenchmarkError.is(error) && error.kind).toBe('invalid-definition');
  return error as BenchmarkError;
};

describe('folderFilePath', () => {
  test('files inside the folder, links within it and missing files are accepted', async () => {
    const { dir } = layout();
    for (const file of ['model.onnx', 'sub/inner.json', 'sub/../model.onnx', 'inner-link', 'not-there.onnx', '..model.onnx']) {
      expect(await folderFilePath(dir, file, 'model.file', 'manifest.json')).toBe(join(dir, file));
    }
  });

  test.each(['../secret', 'sub/../../secret', '..', '.', ''])('"%s" leads out of the folder and is refused', async (file) => {
    const { dir } = layout();
    const error = await refusal(dir, file);
    expect(error.message).toMatch(
      /manifest\.json: model\.file: ".*" is not (inside the folder|a relative path); the files of an onnx-surrogate folder must be inside it$/,
    );
    expect(error.parameter).toBe('model.file');
  });

  test('an absolute path is refused, even one inside the folder', async () => {
    const { dir } = layout();
    expect((await refusal(dir, join(dir, 'model.onnx'))).message).toMatch(/is not a relative path/);
  });

  test.each(['outer-link', 'up/secret'])('a symbolic link out of the folder (%s) is refused', async (file) => {
    const { root, dir } = layout();
    expect((await refusal(dir, file)).message).toContain(`leads through a symbolic link to ${join(root, 'secret')}, outside the folder`);
  });

  test('a folder given through a symbolic link works as the folder itself', async () => {
    const { root, dir } = layout();
    symlinkSync(dir, join(root, 'alias'));
    expect(await folderFilePath(join(root, 'alias'), 'inner-link', 'model.file', 'manifest.json')).toBe(join(root, 'alias', 'inner-link'));
    await refusal(join(root, 'alias'), 'outer-link');
  });
});
