import type { Command as CommanderCommand } from 'commander';
import { CliError } from '../commandLineError';
import { quoteValue } from '../quoteValue';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

interface FlagModel {
  readonly long: string;
  readonly short?: string;
  readonly takesValue: boolean;
  readonly values?: readonly string[];
}

interface CommandModel {
  readonly name: string;
  readonly summary: string;
  readonly words: readonly string[];
  readonly flags: readonly FlagModel[];
}

/**
 * A completion script for `shell`, generated from the command tree: the commands (with their summaries
 * where the shell shows them), each command's flags and first words, and for the flags named in
 * `values` the values to offer (plugin ids for --benchmark and --optimizer); other flags that take a
 * value complete file names.
 */
export function completionScript(shell: string, program: CommanderCommand, values: Readonly<Record<string, readonly string[]>> = {}): string {
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw new CliError('usage', `completion is written for ${SHELLS.join(', ')}, got ${quoteValue(shell)}`, { parameter: 'shell', allowed: SHELLS.join(', ') });
  }
  const commands: CommandModel[] = program.commands.map((c) => ({
    name: c.name(),
    summary: c.description(),
    words: c.registeredArguments[0]?.argChoices ?? [],
    flags: c.options
      .filter((o) => !o.hidden)
      .map((o) => ({
        long: o.long!,
        ...(o.short === undefined ? {} : { short: o.short }),
        takesValue: o.required,
        ...(values[o.attributeName()] === undefined && values[o.long!.slice(2)] === undefined
          ? {}
          : { values: values[o.long!.slice(2)] ?? values[o.attributeName()] }),
      })),
  }));
  // `jahskit help <command>` completes command names.
  commands.push({ name: 'help', summary: "show a command's usage and options", words: commands.map((c) => c.name), flags: [] });
  const top = program.options.map((o) => o.long!).concat(['--help']);
  for (const word of [...commands.flatMap((c) => [c.name, ...c.words, ...c.flags.flatMap((f) => [f.long, ...(f.values ?? [])])]), ...top]) {
    // Every word is written into the script unquoted in places: only plain words are.
    if (!/^[\w.@+/:=-]+$/.test(word)) throw new Error(`completion: ${quoteValue(word)} is not a plain word`);
  }
  return shell === 'bash' ? bash(commands, top) : shell === 'zsh' ? zsh(commands, top) : fish(commands, top);
}

const shortOf = (f: FlagModel): string[] => (f.short === undefined ? [] : [f.short]);

function bash(commands: readonly CommandModel[], top: readonly string[]): string {
  const cases = commands.map((c) => {
    const flags = c.flags.flatMap((f) => [f.long, ...shortOf(f)]).join(' ');
    const valued = c.flags
      .filter((f) => f.takesValue)
      .flatMap((f) => [f.long, ...shortOf(f)])
      .join(' ');
    const choices = c.flags
      .filter((f) => f.values !== undefined)
      .map((f) => `        ${[f.long, ...shortOf(f)].join('|')}) COMPREPLY=($(compgen -W '${f.values!.join(' ')}' -- "$cur")); return ;;`);
    return [
      `    ${c.name})`,
      `      flags='${flags}' valued=' ${valued} ' words='${c.words.join(' ')}'`,
      ...(choices.length > 0 ? ['      case $prev in', ...choices, '      esac'] : []),
      '      ;;',
    ].join('\n');
  });
  return `# jahskit completion for bash. Load it with
#   eval "$(jahskit completion bash)"
# or save it as ~/.local/share/bash-completion/completions/jahskit
_jahskit() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local flags='' valued=' ' words=''
  COMPREPLY=()
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W '${commands.map((c) => c.name).join(' ')} ${top.join(' ')}' -- "$cur"))
    return
  fi
  case \${COMP_WORDS[1]} in
${cases.join('\n')}
  esac
  if [[ $valued == *" $prev "* ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  elif [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$flags --help" -- "$cur"))
  elif ((COMP_CWORD == 2)) && [[ -n $words ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _jahskit jahskit
`;
}

/** A single-quoted shell word (zsh, fish). */
const quoted = (text: string): string => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "'\\''")}'`;

function zsh(commands: readonly CommandModel[], top: readonly string[]): string {
  const cases = commands.map((c) => {
    const choices = c.flags
      .filter((f) => f.values !== undefined)
      .map((f) => `        ${[f.long, ...shortOf(f)].join('|')}) compadd -- ${f.values!.join(' ')}; return ;;`);
    return [
      `    ${c.name})`,
      `      flags=(${c.flags.flatMap((f) => [f.long, ...shortOf(f)]).join(' ')}) valued=' ${c.flags
        .filter((f) => f.takesValue)
        .flatMap((f) => [f.long, ...shortOf(f)])
        .join(' ')} ' choices=(${c.words.join(' ')})`,
      ...(choices.length > 0 ? ['      case $words[CURRENT-1] in', ...choices, '      esac'] : []),
      '      ;;',
    ].join('\n');
  });
  return `#compdef jahskit
# jahskit completion for zsh. Load it with
#   source <(jahskit completion zsh)
# (after compinit), or save it as _jahskit in a directory of $fpath
_jahskit() {
  local -a commands flags choices
  local valued=' '
  if ((CURRENT == 2)); then
    commands=(
${commands.map((c) => `      ${quoted(`${c.name.replaceAll(':', '\\:')}:${c.summary}`)}`).join('\n')}
    )
    _describe -t commands 'jahskit command' commands
    compadd -- ${top.join(' ')}
    return
  fi
  case $words[2] in
${cases.join('\n')}
  esac
  if [[ $valued == *" $words[CURRENT-1] "* ]]; then
    _files
  elif [[ $PREFIX == -* ]]; then
    compadd -- $flags --help
  elif ((CURRENT == 3 && $#choices)); then
    compadd -- $choices
  else
    _files
  fi
}
if [[ $funcstack[1] == _jahskit ]]; then
  _jahskit "$@"
else
  compdef _jahskit jahskit
fi
`;
}

function fish(commands: readonly CommandModel[], top: readonly string[]): string {
  const lines = [
    '# jahskit completion for fish. Load it with',
    '#   jahskit completion fish | source',
    '# or save it as ~/.config/fish/completions/jahskit.fish',
    'complete -c jahskit -e',
    ...commands.map((c) => `complete -c jahskit -n __fish_use_subcommand -f -a ${c.name} -d ${quoted(c.summary)}`),
    ...top.map((flag) => `complete -c jahskit -n __fish_use_subcommand -f -l ${flag.slice(2)}`),
  ];
  for (const c of commands) {
    const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
    if (c.words.length > 0) lines.push(`complete -c jahskit ${when} -f -a ${quoted(c.words.join(' '))}`);
    for (const f of c.flags) {
      const short = f.short === undefined ? '' : ` -s ${f.short.slice(1)}`;
      // -x: the flag takes a value and only the listed ones; -r: a value, any file name.
      const value = f.values !== undefined ? ` -x -a ${quoted(f.values.join(' '))}` : f.takesValue ? ' -r' : '';
      lines.push(`complete -c jahskit ${when} -l ${f.long.slice(2)}${short}${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
