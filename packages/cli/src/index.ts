export type { CliIo, Command } from './Command';
export { CliError, describeError } from './commandLineError';
export { defaultModules } from './defaultModules';
export { commands, runCli, type CliOptions } from './runCli';
