import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  configSpaceJsonFormatOf,
  detectPcsFormat,
  readConfigSpaceJson,
  readPcs,
  SpaceError,
  type ConfigSpaceJsonFormat,
  type ConfigurationSpace,
  type PcsFormat,
} from '@jahskit/spaces';
import { CliError } from '../commandLineError';
import { quoteValue } from '../quoteValue';

/** The formats a space file can be in, named as `--format` names them. */
export type SpaceFileFormat = `configspace-json@${ConfigSpaceJsonFormat}` | 'pcs' | 'pcs-classic';

export interface SpaceFile {
  readonly space: ConfigurationSpace;
  readonly format: SpaceFileFormat;
}

/** A readable name of a format, for `space show`. */
export function describeSpaceFileFormat(format: SpaceFileFormat): string {
  if (format === 'pcs') return 'PCS (new format)';
  if (format === 'pcs-classic') return 'PCS (classic format)';
  return `ConfigSpace JSON ${format.slice('configspace-json@'.length)}`;
}

/**
 * Reads a search space from `file`, its format told by its content, never its name: text that starts
 * with `{` is ConfigSpace JSON (either dialect), anything else is read as PCS (classic or new, as
 * `detectPcsFormat` tells). Every failure is one CliError 'input' line naming the file.
 */
export async function readSpaceFile(file: string, cwd: string, flag = 'file'): Promise<SpaceFile> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError('input', `${flag} ${quoteValue(file)}: cannot read it (${code})`, { parameter: flag });
  }
  return parseSpaceText(text, file, flag);
}

/** The part of {@link readSpaceFile} after the read, for text already in memory. */
function parseSpaceText(text: string, file: string, flag = 'file'): SpaceFile {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const neither = (why: string): CliError =>
    new CliError('input', `${flag} ${quoteValue(file)} is neither ConfigSpace JSON nor PCS: ${why}`, {
      parameter: flag,
      allowed: 'ConfigSpace JSON (0.2-0.4 or 1.x) or PCS (classic or new format)',
    });
  if (body.startsWith('{')) {
    try {
      const space = readConfigSpaceJson(body);
      return { space, format: `configspace-json@${configSpaceJsonFormatOf(space) ?? '0.4'}` };
    } catch (error) {
      if (SpaceError.is(error))
        throw new CliError('input', `${flag} ${quoteValue(file)} (ConfigSpace JSON): ${error.message}`, { parameter: flag, cause: error });
      throw error;
    }
  }
  if (body.startsWith('[')) throw neither('it holds a JSON array, where ConfigSpace JSON is an object {"hyperparameters": [...], ...}');
  const pcsFormat: PcsFormat = detectPcsFormat(body);
  let space: ConfigurationSpace;
  try {
    space = readPcs(body, { file, format: pcsFormat });
  } catch (error) {
    if (!SpaceError.is(error)) throw error;
    // Only a file named *.pcs is surely meant as PCS; of any other, say that it is neither format.
    if (!/\.pcs$/i.test(file)) throw neither(error.message);
    throw new CliError('input', `${flag} ${quoteValue(file)} (PCS): ${error.message}`, { parameter: flag, cause: error });
  }
  if (space.parameters.length === 0) throw neither('it defines no parameter');
  return { space, format: pcsFormat === 'new' ? 'pcs' : 'pcs-classic' };
}
