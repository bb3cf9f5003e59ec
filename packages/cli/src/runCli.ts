import { createRegistry, type PluginModule, type PluginRegistry } from '@jahskit/core';
import { version } from '../package.json';
import type { CliIo, Command } from './Command';
import { describeError } from './commandLineError';
import { compareCommand } from './commands/compare';
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

/** Every sub-command. The registry is built lazily: `hv` and friends never need plugins. */
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
  const all = commands(() => options.modules ?? defaultModules());
  const [name, ...rest] = argv;
  if (name === '--version' && rest.length === 0) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(all));
    return name === undefined ? 2 : 0;
  }
  const command = all.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`jahskit: unknown command ${quoteValue(name)}; commands: ${all.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
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

function helpText(all: readonly Command[]): string {
  const width = Math.max(...all.map((c) => c.name.length));
  return [
    'jahskit: joint neural-architecture and hyperparameter search on simulated time',
    '',
    'usage: jahskit <command> [options]   (jahskit <command> --help for its options; jahskit --version)',
    '',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}
