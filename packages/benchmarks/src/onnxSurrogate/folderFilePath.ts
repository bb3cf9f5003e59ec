import { BenchmarkError } from '../errors/BenchmarkError';
import { nodeBuiltin } from '../internal/nodeBuiltin';

/**
 * The path of a file that a manifest names (`field`, e.g. "model.file"), which must stay inside the
 * folder: a folder is a self-contained unit that users download and share, so `../`, an absolute
 * path or a symbolic link leading out of it must not make jahskit read (and checksum, report or
 * feed to onnxruntime) files elsewhere on the machine. Symbolic links are followed — the real path
 * of the file must lie inside the real path of the folder — so links inside the folder stay usable.
 * A file that cannot be resolved (missing, a dangling link) is returned as it is: reading it says why.
 */
export async function folderFilePath(dir: string, file: string, field: string, manifestPath: string): Promise<string> {
  const { isAbsolute, join, resolve } = nodeBuiltin('node:path', `reading ${dir}`);
  const { realpath } = nodeBuiltin('node:fs/promises', `reading ${dir}`);
  const outside = (how: string): BenchmarkError =>
    new BenchmarkError('invalid-definition', `${manifestPath}: ${field}: "${file}" ${how}; the files of an onnx-surrogate folder must be inside it`, {
      parameter: field,
      allowed: `a path relative to ${dir}, inside it`,
    });
  if (file === '' || isAbsolute(file)) throw outside('is not a relative path');
  const path = resolve(dir, file);
  if (!inside(resolve(dir), path)) throw outside('is not inside the folder');
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    // Missing, a dangling link, a loop: reading the file reports it with the reason.
    return join(dir, file);
  }
  if (!inside(await realpath(dir), real)) throw outside(`leads through a symbolic link to ${real}, outside the folder`);
  return join(dir, file);
}

function inside(folder: string, path: string): boolean {
  const { isAbsolute, relative, sep } = nodeBuiltin('node:path', `reading ${folder}`);
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
