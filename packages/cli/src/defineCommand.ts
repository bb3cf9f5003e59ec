import { actionOf } from './actionOf';
import type { CliIo, Command } from './Command';
import { parseFlags, type FlagOptions } from './parseFlags';
import { parseFlagsWithPluginOptions, type FlaggedPlugin, type FlagsWithPluginOptions } from './pluginOptionFlags';

/** What a command declares: its help and flags (as Command has them), and the words it takes besides the flags. */
export interface CommandSpec<O extends FlagOptions, A extends string> extends Omit<Command, 'flags' | 'run'> {
  /** Parsed before the command's logic runs, and typed for it. */
  readonly flags: O;
  /** The first word names what to do (`jahskit study ask ...`): one of these, else a usage error naming them; also its `words`. */
  readonly actions?: readonly A[];
  /** Whether it takes words besides its flags (files, names); without, any is a usage error naming the flags. */
  readonly positionals?: boolean;
  /**
   * The plugins whose options it accepts as flags of their own (`--eta 3`, see parseFlagsWithPluginOptions),
   * looked up only when a flag is not one of `flags`; `argv` is the command line, to peek which plugins it names.
   */
  readonly pluginOptions?: (argv: readonly string[]) => readonly FlaggedPlugin[];
}

/** A command line as a command's logic reads it: the parsed flags, and what it was parsed from. */
export interface CommandLine<O extends FlagOptions, A extends string> extends FlagsWithPluginOptions<O> {
  /** The first word, when the command has actions. */
  readonly action: A;
  /** The words the flags were parsed from (after the action, if any). */
  readonly argv: readonly string[];
}

/**
 * The one way to write a `jahskit <name>` command: its spec and its logic, which receives the command
 * line already parsed from the declared flags, so that what help and shell completion list is what
 * the command parses. Without `pluginOptions`, `options(kind, json)` of the command line is the JSON.
 */
export function defineCommand<const O extends FlagOptions, const A extends string = never>(
  spec: CommandSpec<O, A>,
  run: (line: CommandLine<O, A>, io: CliIo) => Promise<number>,
): Command {
  const { name, summary, usage, flags, actions, deprecatedFlags, pluginOptions } = spec;
  const words = actions ?? spec.words;
  return {
    name,
    summary,
    usage,
    flags,
    ...(words !== undefined ? { words } : {}),
    ...(deprecatedFlags !== undefined ? { deprecatedFlags } : {}),
    async run(argv, io) {
      const [word, ...rest] = argv;
      const action = actions === undefined ? (undefined as never) : actionOf(name, actions, word);
      const given = actions === undefined ? argv : rest;
      const positionals = spec.positionals ?? false;
      const parsed =
        pluginOptions === undefined
          ? { ...parseFlags(given, flags, positionals), options: (_kind: FlaggedPlugin['kind'], json: Readonly<Record<string, unknown>>) => ({ ...json }) }
          : parseFlagsWithPluginOptions(given, flags, () => pluginOptions(given), positionals);
      return run({ ...parsed, action, argv: given }, io);
    },
  };
}
