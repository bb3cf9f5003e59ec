import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageDataPath } from '../internal/packageDataPath';

/**
 * A fresh copy of the nb301 folder (a real onnx-surrogate folder with a small model) in a temporary
 * folder, its manifest changed by `edit`; returns the copy's path.
 */
export function nb301FolderCopy(edit: (manifest: Record<string, any>) => void = () => {}): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'jahskit-onnx-folder-')), 'nb301');
  cpSync(packageDataPath('nb301'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, any>;
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
