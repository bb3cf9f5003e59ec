import type { CliIo } from './Command';

/** The real process's streams. Writes go through `process.stdout.write` so large outputs are not lost. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinChunks: () => process.stdin,
    cwd: process.cwd(),
    env: process.env,
  };
}
