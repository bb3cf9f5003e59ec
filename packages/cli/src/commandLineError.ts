import { JahskitError } from '@jahskit/core';

/** A usage error of the command line itself (unknown flag, missing value): exit code 2. */
export class CliError extends JahskitError<'usage' | 'input' | 'io'> {
  static is(error: unknown): error is CliError {
    return error instanceof CliError;
  }
}

/**
 * One readable line for any error, never a stack: typed errors carry their own message; Node's
 * argument-parser errors are usage errors; anything else is shown by its message.
 */
export function describeError(error: unknown): { readonly line: string; readonly exitCode: number } {
  if (CliError.is(error)) return { line: error.message, exitCode: error.kind === 'usage' ? 2 : 1 };
  if (JahskitError.isJahskitError(error)) return { line: error.message, exitCode: 1 };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return { line: String((error as Error).message).split('\n')[0] as string, exitCode: 2 };
  }
  if (error instanceof Error) return { line: error.message.split('\n')[0] as string, exitCode: 1 };
  return { line: String(error), exitCode: 1 };
}
