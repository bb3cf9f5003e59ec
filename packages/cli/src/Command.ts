import type { FlagOptions } from './parseFlags';

/**
 * What a command needs from the outside world. Passing it in (rather than touching
 * `process` directly) lets tests run every command in-process and read what it printed.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input as UTF-8. */
  readonly readStdin: () => Promise<string>;
  /** Standard input as it arrives, for a command that answers each line before the next is written. */
  readonly stdinChunks: () => AsyncIterable<string | Uint8Array>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** One `jahskit <name>` sub-command. `run` resolves to the process exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** The flags `run` parses (as parseFlags takes them): help and shell completion list them. */
  readonly flags: FlagOptions;
  /** The words that may come first (actions, categories, experiment names), for shell completion. */
  readonly words?: readonly string[];
  /**
   * Flags of `flags` kept for one release under their old names (see renamedFlag): they still parse,
   * but help and shell completion no longer offer them.
   */
  readonly deprecatedFlags?: readonly string[];
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
