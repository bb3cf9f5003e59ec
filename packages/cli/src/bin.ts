import { nodeIo } from './nodeIo';
import { runCli } from './runCli';

// A reader that has gone away (`jahskit eval | head -1`) ends jahskit the way SIGPIPE ends other
// programs (status 128 + 13), instead of an unhandled 'error' event printing a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`jahskit: cannot write to standard output: ${error.code ?? error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 141 : 1);
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 141 : 1));

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
