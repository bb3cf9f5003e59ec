import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CliIo, Command } from './Command';
import { memoryIo } from './cliFixtures';
import { runCli, type CliOptions } from './runCli';

/** A new empty folder for one test: `jahskit-<name>-…` in the system's temporary folder. */
export function freshDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `jahskit-${name}-`));
}

/** Flags by name, in order: `{ seed: 2, quiet: true }` is `--seed 2 --quiet`; a list repeats its flag; false or undefined leaves it out. */
export type Flags = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** The arguments these flags are on a command line. */
export function flagArgs(flags: Flags): string[] {
  return Object.entries(flags).flatMap(([name, value]) => {
    if (value === undefined || value === false) return [];
    if (value === true) return [`--${name}`];
    return (typeof value === 'object' ? value : [String(value)]).flatMap((v) => [`--${name}`, v]);
  });
}

/** What one call of the CLI did: its exit code and everything it printed. */
export interface CliOutcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The plugin modules to load, and variables to add to the environment (`CI=1`). */
export interface CliRunOptions extends CliOptions {
  readonly env?: Readonly<Record<string, string>>;
}

/** `jahskit <argv>` run in-process in cwd, with no standard input. */
export async function cliIn(cwd: string, argv: readonly string[], options: CliRunOptions = {}): Promise<CliOutcome> {
  const io = memoryIo('', cwd);
  return outcome(io, runCli(argv, { ...io, env: { ...io.env, ...options.env } }, options));
}

/** One command as a function of its arguments and standard input, run in cwd (default: the process's). */
export function commandIn(command: Command, cwd?: string): (argv: readonly string[], stdin?: string) => Promise<CliOutcome> {
  return (argv, stdin = '') => {
    const io = memoryIo(stdin, cwd);
    return outcome(io, command.run(argv, io));
  };
}

async function outcome(io: CliIo & { readonly out: () => string; readonly err: () => string }, run: Promise<number>): Promise<CliOutcome> {
  const code = await run;
  return { code, out: io.out(), err: io.err() };
}

/** The JSON document a `--json` call printed; a call that failed fails the test with what it said. */
export function printedJson<T = Record<string, unknown>>(outcome: CliOutcome): T {
  expect(outcome.code, outcome.err).toBe(0);
  return JSON.parse(outcome.out) as T;
}
