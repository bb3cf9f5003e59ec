import type { PluginRegistry } from '@jahskit/core';
import type { Command as CommanderCommand } from 'commander';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { completionScript, SHELLS } from '../completion/completionScript';
import { defineCommand } from '../defineCommand';

const USAGE = `usage: jahskit completion <${SHELLS.join('|')}>
  prints a script that completes jahskit's commands, flags, first words and the ids of the loaded
  benchmarks and optimizers (after --benchmark, --optimizer) in that shell:
    bash  eval "$(jahskit completion bash)"      or save it as ~/.local/share/bash-completion/completions/jahskit
    zsh   source <(jahskit completion zsh)       or save it as _jahskit in a directory of $fpath
    fish  jahskit completion fish | source       or save it as ~/.config/fish/completions/jahskit.fish`;

/** `jahskit completion <shell>`: a completion script generated from the command tree. */
export function completionCommand(tree: () => CommanderCommand, registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'completion',
      summary: `print a shell completion script (${SHELLS.join(', ')})`,
      usage: USAGE,
      flags: {},
      words: SHELLS,
      positionals: true,
    },
    async ({ positionals }, io) => {
      if (positionals.length !== 1) {
        throw new CliError('usage', `name one shell: ${SHELLS.join(', ')}; got ${positionals.length === 0 ? 'none' : positionals.length}`, {
          parameter: 'shell',
          allowed: SHELLS.join(', '),
        });
      }
      const shell = positionals[0] as string;
      if (!(SHELLS as readonly string[]).includes(shell)) completionScript(shell, tree());
      const reg = registry();
      const benchmarks = reg.list('benchmark').map((d) => d.id);
      const optimizers = reg.list('optimizer').map((d) => d.id);
      io.stdout(completionScript(shell, tree(), { benchmark: benchmarks, optimizer: optimizers }));
      return 0;
    },
  );
}
