import { createRegistry, type PluginModule, type PluginRegistry } from '@jahskit/core';
import { CommanderError, type Command as CommanderCommand } from 'commander';
import { version } from '../package.json';
import type { CliIo, Command } from './Command';
import { commandTree } from './commandTree';
import { describeError } from './commandLineError';
import { compareCommand } from './commands/compare';
import { completionCommand } from './commands/completion';
import { dashboardCommand } from './commands/dashboard';
import { dataCommand } from './commands/data';
import { evalCommand } from './commands/eval';
import { experimentCommand } from './commands/experiment';
import { hvCommand } from './commands/hv';
import { hvcCommand } from './commands/hvc';
import { listCommand } from './commands/list';
import { ndsCommand } from './commands/nds';
import { reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { spaceCommand } from './commands/space';
import { studyCommand } from './commands/study';
import { workerCommand } from './commands/worker';
import { defaultModules } from './defaultModules';
import { quoteValue } from './quoteValue';

export interface CliOptions {
  /** The plugin modules to load; default: every plugin jahskit ships. */
  readonly modules?: readonly PluginModule[];
}

/** Every sub-command that works on studies and points. The registry is built lazily: `hv` and friends never need plugins. */
export function commands(modules: () => readonly PluginModule[]): readonly Command[] {
  let registry: PluginRegistry | undefined;
  const getRegistry = (): PluginRegistry => (registry ??= createRegistry(modules()));
  return [
    listCommand(getRegistry),
    runCommand(getRegistry),
    studyCommand(getRegistry),
    compareCommand(getRegistry),
    workerCommand(getRegistry),
    reportCommand,
    dashboardCommand(),
    experimentCommand(getRegistry),
    evalCommand(getRegistry),
    dataCommand(getRegistry),
    spaceCommand,
    hvCommand,
    hvcCommand,
    ndsCommand,
  ];
}

/** Runs `jahskit <argv>` and resolves to the exit code; errors become one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const modules = (): readonly PluginModule[] => options.modules ?? defaultModules();
  const all: Command[] = [...commands(modules)];
  // The completion command describes the tree it belongs to, which exists only once it is built.
  all.push(
    completionCommand(
      () => tree,
      () => createRegistry(modules()),
    ),
  );
  let chosen: Command | undefined;
  const tree: CommanderCommand = commandTree(all, (command) => (chosen = command));

  const [name, ...rest] = argv;
  if (name === '--version' && rest.length === 0) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(helpText(tree));
    return name === undefined ? 2 : 0;
  }
  const unknown = (word: string, suggestion = ''): number => {
    io.stderr(`jahskit: unknown command ${quoteValue(word)}${suggestion}; commands: ${all.map((c) => c.name).join(', ')}\n`);
    return 2;
  };
  if (name === 'help') {
    const command = all.find((c) => c.name === rest[0]);
    if (command === undefined || rest.length > 1) return unknown(rest.join(' '));
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  // A flag where the command belongs (`jahskit --version list`) names no command.
  if (name.startsWith('-')) return unknown(name);
  try {
    // commander resolves the command's name alone; the command parses its own flags.
    tree.parse([name], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError) || error.code !== 'commander.unknownCommand') throw error;
    const suggestion = /Did you mean (\S+)\?/.exec(error.message)?.[1];
    return unknown(name, suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`);
  }
  const command = chosen!;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const { line, exitCode } = describeError(error);
    io.stderr(`jahskit ${name}: ${line}\n`);
    if (io.env['JAHSKIT_DEBUG'] && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return exitCode;
  }
}

function helpText(tree: CommanderCommand): string {
  return `${tree.helpInformation()}\nEach command's options: jahskit <command> --help. Shell completion: jahskit completion --help.\n`;
}
