import type { CliIo } from './Command';

/** An in-memory CliIo: what a command printed, and the stdin it reads. */
export function memoryIo(stdin = '', cwd = process.cwd()): CliIo & { readonly out: () => string; readonly err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readStdin: async () => stdin,
    stdinChunks: async function* () {
      yield stdin;
    },
    cwd,
    env: { CI: '1' },
    out: () => out,
    err: () => err,
  };
}
