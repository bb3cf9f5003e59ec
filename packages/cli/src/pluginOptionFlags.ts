import { describeOptions } from '@jahskit/core';
import type { z } from 'zod';
import { CliError } from './commandLineError';
import { parseFlags, type FlagOptions } from './parseFlags';
import { quoteValue } from './quoteValue';

/** A plugin whose options a command accepts as flags: `kind` names its JSON flag (`--optimizer-options`). */
export interface FlaggedPlugin {
  readonly kind: 'optimizer' | 'benchmark';
  readonly descriptor: { readonly id: string; readonly options: z.ZodType };
}

interface PluginFlag {
  readonly plugin: FlaggedPlugin;
  readonly option: string;
  readonly type: string;
  /** Set by the flag's presence: a boolean option; `--no-<name>` sets it false. */
  readonly negated?: boolean;
}

/**
 * Parses a command line whose flags are the command's own (`own`) and, beside them, the options of the
 * plugins it names: `--eta 3` for `--optimizer-options '{"eta": 3}'`, as `jahskit list` prints them
 * (`--minBudget`, also `--min-budget`; a boolean option `--prior`, `--no-prior`). The plugins are looked
 * up only when a flag is not one of the command's own, so a command line without plugin options is
 * parsed as before. A value is converted by the option's schema: JSON where the option takes it
 * (`--eta 3` is 3, `--objectives '["a","b"]'` a list), else the text. An option of two plugins at once,
 * or with the name of a flag of the command, is given in JSON only.
 *
 * `options(kind, json, jsonFlag)` gives the plugin's options: those of its JSON flag with those given
 * as flags; the same option in both is a usage error.
 */
/** What parseFlagsWithPluginOptions returns: the command's flags, and the plugins' options on demand. */
export interface FlagsWithPluginOptions<O extends FlagOptions> {
  readonly values: ReturnType<typeof parseFlags<O, boolean>>['values'];
  readonly positionals: string[];
  options(kind: FlaggedPlugin['kind'], json: Readonly<Record<string, unknown>>, jsonFlag: string): Record<string, unknown>;
}

export function parseFlagsWithPluginOptions<const O extends FlagOptions>(
  argv: readonly string[],
  own: O,
  plugins: () => readonly FlaggedPlugin[],
  allowPositionals = false,
): FlagsWithPluginOptions<O> {
  let flags: Map<string, PluginFlag> = new Map();
  let parsed: ReturnType<typeof parseFlags<O, boolean>>;
  try {
    parsed = parseFlags(argv, own, allowPositionals);
  } catch (error) {
    if (!CliError.is(error) || error.parameter !== 'options') throw error;
    let found: readonly FlaggedPlugin[];
    try {
      found = plugins();
    } catch {
      // An unknown plugin is reported where the command looks it up; the unknown flag is the first error.
      throw error;
    }
    flags = pluginFlags(found, own);
    const table = Object.fromEntries([...flags].map(([name, f]) => [name, { type: f.type === 'boolean' ? 'boolean' : 'string' } as const]));
    parsed = parseFlags(argv, { ...own, ...table } as O, allowPositionals);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    options(kind: FlaggedPlugin['kind'], json: Readonly<Record<string, unknown>>, jsonFlag: string): Record<string, unknown> {
      const out: Record<string, unknown> = { ...json };
      const from = new Map<string, string>();
      for (const [name, flag] of flags) {
        const given = values[name];
        if (given === undefined || flag.plugin.kind !== kind) continue;
        if (json[flag.option] !== undefined) {
          throw new CliError('usage', `--${name} and ${jsonFlag} both set "${flag.option}": give one of them`, { parameter: name });
        }
        if (from.has(flag.option))
          throw new CliError('usage', `--${from.get(flag.option)} and --${name} both set "${flag.option}": give one of them`, { parameter: name });
        from.set(flag.option, name);
        out[flag.option] = typeof given === 'boolean' ? !flag.negated : convert(flag, name, given);
      }
      return out;
    },
  };
}

function pluginFlags(plugins: readonly FlaggedPlugin[], own: FlagOptions): Map<string, PluginFlag> {
  const flags = new Map<string, PluginFlag>();
  const taken = new Set<string>();
  for (const plugin of plugins) {
    for (const option of describeOptions(plugin.descriptor.options)) {
      const names = [...new Set([option.name, kebab(option.name)])];
      const all = option.type === 'boolean' ? [...names, ...names.map((n) => `no-${n}`)] : names;
      for (const name of all) {
        if (own[name] !== undefined) continue;
        if (taken.has(name)) {
          // Two plugins with one option name: which one it sets is not clear from the flag.
          flags.delete(name);
          continue;
        }
        taken.add(name);
        flags.set(name, { plugin, option: option.name, type: option.type, ...(name.startsWith('no-') && !names.includes(name) ? { negated: true } : {}) });
      }
    }
  }
  return flags;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The value the option's schema takes: the JSON the text reads as, else the text itself. */
function convert(flag: PluginFlag, name: string, text: string): unknown {
  const candidates: unknown[] = [];
  try {
    candidates.push(JSON.parse(text));
  } catch {
    // Not JSON: a word such as an enum value or a path.
  }
  candidates.push(text);
  for (const value of candidates) {
    const result = flag.plugin.descriptor.options.safeParse({ [flag.option]: value });
    if (result.success || !result.error.issues.some((issue) => issue.path[0] === flag.option)) return value;
  }
  throw new CliError('usage', `--${name} (${flag.plugin.kind} ${flag.plugin.descriptor.id}) must be ${flag.type}, got ${quoteValue(text)}`, {
    parameter: name,
    allowed: flag.type,
  });
}

/** The last value of `--name <v>` or `--name=<v>` before `--`, without parsing the rest: which plugins a command line names. */
export function peekFlag(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') break;
    if (token === `--${name}`) value = argv[++i];
    else if (token.startsWith(`--${name}=`)) value = token.slice(name.length + 3);
  }
  return value;
}
