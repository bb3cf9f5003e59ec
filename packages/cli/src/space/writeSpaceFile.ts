import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SpaceError, writeConfigSpaceJson, writePcs, type ConfigurationSpace } from '@jahskit/spaces';
import { CliError } from '../commandLineError';
import { quoteValue } from '../quoteValue';
import type { SpaceFileFormat } from './readSpaceFile';

export const SPACE_FILE_FORMATS: readonly SpaceFileFormat[] = ['configspace-json@0.4', 'configspace-json@1', 'pcs', 'pcs-classic'];

/**
 * The format to write `out` in: `--format` when given, else by the extension (`.json`: ConfigSpace
 * JSON in the dialect that was read, 0.4 for a space read from PCS; `.pcs`: the new PCS format).
 */
export function outputFormat(flag: string | undefined, out: string, read: SpaceFileFormat): SpaceFileFormat {
  const allowed = SPACE_FILE_FORMATS.join(', ');
  if (flag !== undefined) {
    if (!(SPACE_FILE_FORMATS as readonly string[]).includes(flag))
      throw new CliError('usage', `--format must be one of ${allowed}, got ${quoteValue(flag)}`, { parameter: 'format', allowed });
    return flag as SpaceFileFormat;
  }
  if (/\.json$/i.test(out)) return read.startsWith('configspace-json@') ? read : 'configspace-json@0.4';
  if (/\.pcs$/i.test(out)) return 'pcs';
  throw new CliError('usage', `cannot tell the format of ${quoteValue(out)} from its name: give --format (${allowed}) or name it *.json or *.pcs`, {
    parameter: 'format',
    allowed,
  });
}

/** The text of `space` in `format`; what the format cannot say is a CliError 'input' naming the parameter. */
export function spaceText(space: ConfigurationSpace, format: SpaceFileFormat, out: string): string {
  try {
    if (format === 'pcs' || format === 'pcs-classic') return writePcs(space, { format: format === 'pcs' ? 'new' : 'classic', file: out });
    return `${JSON.stringify(writeConfigSpaceJson(space, { format: format === 'configspace-json@1' ? '1' : '0.4' }), null, 2)}\n`;
  } catch (error) {
    if (SpaceError.is(error))
      throw new CliError('input', `cannot write ${quoteValue(out)} as ${format}: ${error.message}`, { parameter: error.parameter, cause: error });
    throw error;
  }
}

/**
 * Writes `text` to `out`. An existing file is never replaced unless `force`: then the text goes to a
 * temporary file beside it first and is renamed over it, so that a failed write leaves the old file whole.
 */
export async function writeSpaceFile(out: string, cwd: string, text: string, force: boolean): Promise<void> {
  const path = resolve(cwd, out);
  const fail = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new CliError('usage', `${quoteValue(out)} exists: give --force to replace it`, { parameter: 'OUT', allowed: 'a new file, or --force' });
    throw new CliError('io', `cannot write ${quoteValue(out)} (${code ?? (error as Error).message})`, { parameter: 'OUT' });
  };
  if (!force) {
    await writeFile(path, text, { flag: 'wx' }).catch(fail);
    return;
  }
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    fail(error);
  }
}
