import type { parseArgs, ParseArgsConfig } from 'node:util';
import { Command as CommanderCommand, CommanderError, Option } from 'commander';
import { CliError } from './commandLineError';
import { quoteValue } from './quoteValue';

/** A command's flags, in `node:util` parseArgs' shape: each a string or a boolean, with an optional one-letter short name and a default. */
export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * The flag parser of every command: commander's option parser, strict, with two differences. A value
 * that starts with a dash is taken as the value of the flag before it (`--seed -1`, `-r -1,-1`), so
 * that the value's own check can say what is allowed, but a flag where a value should be (`--out
 * --quiet`) is a missing value rather than a value. And every parse error becomes a usage error (exit
 * 2) of one line naming the flag and what is allowed, never commander's own output.
 *
 * The options are written in parseArgs' shape (`{ seed: { type: 'string', default: '0' } }`), and the
 * result has its shape too (`values`, `positionals`), so that each command's table of flags also
 * types what it reads and can be listed by help and shell completion.
 */
export function parseFlags<const O extends FlagOptions, const P extends boolean = false>(
  argv: readonly string[],
  options: O,
  allowPositionals?: P,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>> {
  const values: Record<string, string | boolean | string[]> = Object.create(null);
  const parser = new CommanderCommand()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined })
    .helpOption(false)
    .allowExcessArguments(true)
    .argument('[arguments...]')
    .action(() => undefined);
  for (const [name, o] of Object.entries(options)) {
    parser.addOption(flagOption(name, o));
    // Listened to by long name: commander's own store camel-cases names (`min-budget` and `minBudget` would meet).
    parser.on(`option:${name}`, (value: string | undefined) => {
      // A repeatable flag (`multiple: true`, as in parseArgs) collects its values in order.
      if (o.multiple === true) values[name] = [...((values[name] as string[] | undefined) ?? []), value as string];
      else values[name] = o.type === 'string' ? (value as string) : true;
    });
  }
  try {
    parser.parse(normalise(argv, options), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) throw usageError(error, options);
    throw error;
  }
  const positionals = parser.args;
  if (!allowPositionals && positionals.length > 0) {
    throw new CliError('usage', `unexpected argument ${quoteValue(positionals[0] as string)}: this command takes only the options ${allowedFlags(options)}`, {
      parameter: 'arguments',
      allowed: allowedFlags(options),
    });
  }
  for (const [name, o] of Object.entries(options)) {
    if (values[name] === undefined && o.default !== undefined) values[name] = o.default as string | boolean | string[];
  }
  return { values, positionals } as unknown as ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>>;
}

/** One flag as a commander option: `-s, --name <value>` for a string, `--name` for a boolean. */
export function flagOption(name: string, o: FlagOptions[string]): Option {
  return new Option(`${o.short === undefined ? '' : `-${o.short}, `}--${name}${o.type === 'string' ? ' <value>' : ''}`);
}

/** `--name <value>` or `--name`, joined by commas: what a command accepts. */
export function allowedFlags(options: FlagOptions): string {
  const flags = Object.entries(options).map(([name, o]) => `--${name}${o.type === 'string' ? ' <value>' : ''}`);
  return flags.length > 0 ? flags.join(', ') : 'none';
}

/**
 * `--seed -1` -> `--seed=-1`: a single-dash word after a flag that takes a value is that value unless
 * it is one of the command's short flags, so `--out --quiet` and `--out -q` still say that --out lacks
 * its value rather than writing to "--quiet". A negative number where a flag belongs is an unknown
 * flag, as it was before commander (which would take it as an argument: `jahskit hv -5` is no file).
 */
function normalise(argv: readonly string[], options: FlagOptions): string[] {
  const shortNames = new Map<string, string>(
    Object.entries(options).flatMap(([name, o]): [string, string][] => (o.short === undefined ? [] : [[`-${o.short}`, name]])),
  );
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = token.startsWith('--') ? token.slice(2) : shortNames.get(token);
    const next = argv[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && next.length > 1 && next.startsWith('-')) {
      if (next.startsWith('--') || shortNames.has(next.slice(0, 2))) throw needsValue(name);
      out.push(`--${name}=${next}`);
      i++;
    } else if (/^-\d/.test(token)) {
      throw unknownOption(token, options);
    } else {
      out.push(token);
    }
  }
  return out;
}

function needsValue(name: string): CliError {
  return new CliError('usage', `--${name} needs a value`, { parameter: name });
}

function unknownOption(flag: string, options: FlagOptions, suggestion?: string): CliError {
  const allowed = allowedFlags(options);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  return new CliError('usage', `Unknown option '${flag}'${hint}; options: ${allowed}`, { parameter: 'options', allowed });
}

function usageError(error: CommanderError, options: FlagOptions): CliError {
  const message = error.message;
  if (error.code === 'commander.unknownOption') {
    const flag = /'(.*?)'/.exec(message)?.[1] ?? '';
    // `--quiet=yes`: commander splits `=` only for flags that take a value.
    const [before] = flag.split('=', 1);
    const named = flag.includes('=') && before!.startsWith('--') ? before!.slice(2) : undefined;
    if (named !== undefined && options[named]?.type === 'boolean') {
      return new CliError('usage', `--${named} takes no value`, { parameter: named });
    }
    return unknownOption(flag, options, /Did you mean (--?[\w-]+)\?/.exec(message)?.[1]);
  }
  if (error.code === 'commander.optionMissingArgument') {
    // "error: option '-r, --reference <value>' argument missing"
    const named = /--([\w-]+)/.exec(message)?.[1];
    if (named !== undefined) return needsValue(named);
  }
  return new CliError(
    'usage',
    message
      .split('\n')[0]!
      .replace(/^error: /, '')
      .replace(/\.$/, ''),
    { parameter: 'options' },
  );
}
