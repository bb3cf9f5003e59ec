import { version } from '../package.json';
import { nodeIo } from './nodeIo';

// A reader that has gone away (`jahskit eval | head -1`) ends jahskit the way SIGPIPE ends other
// programs (status 128 + 13), instead of an unhandled 'error' event printing a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`jahskit: cannot write to standard output: ${error.code ?? error.message}\n`);
  process.exit(error.code === 'EPIPE' ? 141 : 1);
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 141 : 1));

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  // Answered before the commands and their plugins are loaded (imported below only when needed, so
  // that in the bundle their modules are not even initialised): scripts ask this to see what they run.
  process.stdout.write(`${version}\n`);
} else {
  if (argv[0] === 'compare') {
    // A grid's second thread loads beside this one loading the command (see spareGridThread).
    const { compareMayUseThreads, startSpareGridThread } = await import('./compare/spareGridThread');
    if (compareMayUseThreads(argv.slice(1))) startSpareGridThread();
  }
  const { runCli } = await import('./runCli');
  process.exitCode = await runCli(argv, nodeIo());
}
