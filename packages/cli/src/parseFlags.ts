import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './commandLineError';
import { quoteValue } from './quoteValue';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * The flag parser of every command: `node:util` parseArgs (strict), with two differences. A value that
 * starts with a dash is taken as the value of the flag before it (`--seed -1`, `-r -1,-1`), where
 * parseArgs would call it ambiguous, so that the value's own check can say what is allowed. And every
 * parse error becomes a usage error (exit 2) of one line naming the flag.
 */
export function parseFlags<const O extends FlagOptions, const P extends boolean = false>(
  argv: readonly string[],
  options: O,
  allowPositionals?: P,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>> {
  try {
    return parseArgs({ args: joinDashValues(argv, options), options, strict: true, allowPositionals: (allowPositionals ?? false) as P });
  } catch (error) {
    throw usageError(error, options);
  }
}

/**
 * `--seed -1` -> `--seed=-1`. Only a single-dash token that is not one of the command's short flags
 * is joined: `--out --quiet` still says that --out lacks its value rather than writing to "--quiet".
 */
function joinDashValues(argv: readonly string[], options: FlagOptions): string[] {
  const shortNames = new Map<string, string>(Object.entries(options).flatMap(([name, o]): [string, string][] => (o.short === undefined ? [] : [[`-${o.short}`, name]])));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = token.startsWith('--') ? token.slice(2) : shortNames.get(token);
    const next = argv[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-[^-]/.test(next) && !shortNames.has(next.slice(0, 2))) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

function usageError(error: unknown, options: FlagOptions): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return error;
  const message = String((error as Error).message);
  const flags = Object.entries(options).map(([name, o]) => `--${name}${o.type === 'string' ? ' <value>' : ''}`);
  const allowed = flags.length > 0 ? flags.join(', ') : 'none';
  // parseArgs names the flag as '-r, --reference <value>', '--out' or '-r'.
  const named = /'(?:-\w, )?--([\w-]+)/.exec(message)?.[1] ?? Object.entries(options).find(([, o]) => message.includes(`'-${o.short}'`))?.[0];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Node's message goes on about positionals starting with '-': the flag is what matters.
    const flag = /'(.*?)'/.exec(message)?.[1] ?? '';
    return new CliError('usage', `Unknown option '${flag}'; options: ${allowed}`, { parameter: 'options', allowed });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named !== undefined) {
    const takesValue = options[named]?.type === 'string';
    return new CliError('usage', takesValue ? `--${named} needs a value` : `--${named} takes no value`, { parameter: named });
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'(.*)'/.exec(message)?.[1] ?? '';
    return new CliError('usage', `unexpected argument ${quoteValue(argument)}: this command takes only the options ${allowed}`, { parameter: 'arguments', allowed });
  }
  return new CliError('usage', firstLine(message), { parameter: named ?? 'options' });
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\.$/, '');
}
