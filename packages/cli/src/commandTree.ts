import { Argument, Command as CommanderCommand } from 'commander';
import type { Command } from './Command';
import { flagOption } from './parseFlags';

/**
 * jahskit's commands as a commander program: the sub-commands with their summaries, flags and first
 * words, from which come the top-level help, the suggestion for a misspelt command and the shell
 * completion scripts. `onCommand` is called with the command a parse names. Each command's own help
 * is its hand-written usage, which says more than a list of flags.
 */
export function commandTree(all: readonly Command[], onCommand: (command: Command) => void = () => undefined): CommanderCommand {
  const program = new CommanderCommand('jahskit')
    .description('joint neural-architecture and hyperparameter search on simulated time')
    .usage('<command> [options]')
    .option('--version', "print jahskit's version")
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', "show a command's usage and options (also: jahskit <command> --help)")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
  for (const command of all) {
    const sub = program
      .command(command.name)
      .description(command.summary)
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => onCommand(command));
    sub.helpInformation = () => `${command.usage}\n`;
    if (command.words !== undefined) sub.addArgument(new Argument('[word]').choices(command.words));
    for (const [name, flag] of Object.entries(command.flags)) sub.addOption(flagOption(name, flag).hideHelp(command.deprecatedFlags?.includes(name) ?? false));
  }
  return program;
}
