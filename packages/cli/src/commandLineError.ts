import { JahskitError } from '@jahskit/core';

/** The CLI's error: 'usage' (a bad command line) exits with 2; 'input' (bad data) and 'io' with 1. */
export class CliError extends JahskitError<'usage' | 'input' | 'io'> {}

/** Longer error lines are cut in the middle: a value echoed by a message must not flood the terminal. */
const MAX_LINE = 600;

/**
 * One readable line for any error, never a stack: typed errors carry their own message; Node's
 * argument-parser errors are usage errors; anything else is shown by its message.
 */
export function describeError(error: unknown): { readonly line: string; readonly exitCode: number } {
  const { line, exitCode } = describe(error);
  return { line: clipLine(visible(line)), exitCode };
}

/**
 * Control characters shown as escapes: a message may quote bytes of a binary file (a parser's "not
 * valid JSON: Unexpected token ..." of a model file), and raw, they would move the cursor, erase the
 * line or ring the terminal.
 */
function visible(line: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it matches
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function describe(error: unknown): { readonly line: string; readonly exitCode: number } {
  if (CliError.is(error)) return { line: oneLine(error.message), exitCode: error.kind === 'usage' ? 2 : 1 };
  if (JahskitError.isJahskitError(error)) return { line: oneLine(error.message), exitCode: 1 };
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return { line: String((error as Error).message).split('\n')[0] as string, exitCode: 2 };
  }
  if (error instanceof Error) return { line: error.message.split('\n')[0] as string, exitCode: 1 };
  return { line: oneLine(String(error)), exitCode: 1 };
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

/** Keeps the head (what the error is about) and the tail (often what is allowed). */
function clipLine(line: string): string {
  if (line.length <= MAX_LINE) return line;
  const tail = line.slice(-MAX_LINE / 4);
  return `${line.slice(0, MAX_LINE / 2)} ... (${line.length - MAX_LINE / 2 - tail.length} characters cut) ... ${tail}`;
}
