import { join } from 'node:path';
import { BenchmarkError } from '../errors/BenchmarkError';

/** The three official files, as the upstream API loads them. */
export const NASHPOBENCH2_FILES = ['bench12.pkl', 'cellinfo.pkl', 'avgaccs200.pkl'] as const;

/** Environment variable naming the folder with the files when the `dataDir` option is not given. */
export const NASHPOBENCH2_ENV = 'JAHSKIT_NASHPOBENCH2_DIR';

/** Where the files are published (the upstream README's Google Drive folder and the API repository). */
export const NASHPOBENCH2_SOURCE =
  'download bench12.pkl, cellinfo.pkl and avgaccs200.pkl from the Google Drive folder 1sxnBo5A6WXxt44WQG8f8WlYYicKd9g-h ' +
  '(https://drive.google.com/drive/folders/1sxnBo5A6WXxt44WQG8f8WlYYicKd9g-h, linked from https://github.com/yoichii/nashpobench2api)';

/** The data folder: the `dataDir` option, else the environment variable; undefined when neither is set. */
export function nashpobench2DataDir(dataDir: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const dir = dataDir ?? env[NASHPOBENCH2_ENV];
  return dir === undefined || dir === '' ? undefined : dir;
}

/** The paths of the three files in a folder. */
export function nashpobench2Paths(dir: string): Record<(typeof NASHPOBENCH2_FILES)[number], string> {
  return { 'bench12.pkl': join(dir, 'bench12.pkl'), 'cellinfo.pkl': join(dir, 'cellinfo.pkl'), 'avgaccs200.pkl': join(dir, 'avgaccs200.pkl') };
}

/** The error for a folder that is not set or lacks files: says where to get them and what to set. */
export function nashpobench2MissingData(dir: string | undefined, missing: readonly string[] = NASHPOBENCH2_FILES): BenchmarkError {
  const where =
    dir === undefined
      ? `no data folder is set: set the option dataDir (--benchmark-options '{"dataDir": "/path"}') or the environment variable ${NASHPOBENCH2_ENV}`
      : `${missing.join(', ')} not found in ${dir}`;
  return new BenchmarkError('missing-data', `nashpobench2: ${where}; ${NASHPOBENCH2_SOURCE}`, {
    parameter: 'dataDir',
    allowed: `a folder holding ${NASHPOBENCH2_FILES.join(', ')}`,
  });
}
