import { CliError } from './commandLineError';

/**
 * The value of a flag that was renamed, given by its new name or, for one release, by its old one,
 * which still works but says on stderr what to write instead, so that scripts keep running while
 * their authors learn the new spelling. Both at once is a usage error: which one was meant?
 */
export function renamedFlag(values: Readonly<Record<string, unknown>>, name: string, oldName: string, io: { stderr(text: string): void }): string | undefined {
  const current = values[name] as string | undefined;
  const old = values[oldName] as string | undefined;
  if (old === undefined) return current;
  if (current !== undefined) throw new CliError('usage', `--${oldName} is the old name of --${name}: give one of them`, { parameter: name });
  io.stderr(`note: --${oldName} is deprecated and will be removed in the next release; use --${name}\n`);
  return old;
}
