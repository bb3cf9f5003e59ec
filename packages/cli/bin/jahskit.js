#!/usr/bin/env node
// An installed package runs its build. In a checkout the build runs too when it is fresh (built after
// the last change to any package's sources); otherwise the TypeScript sources run through tsx, so
// `npx jahskit` works right after `npm ci` with no build step, only slower to start.
//
// The CLI runs in this very process rather than in a child: a signal sent to this PID (Ctrl-C,
// SIGTERM, SIGKILL from a job runner) then reaches the process that does the work, and nothing is
// left running to write into a results folder that a rerun is resuming.
import { existsSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Answered before anything is loaded: scripts ask this to find out what they are talking to.
if (process.argv[2] === '--version' && process.argv.length === 3) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  process.exit(0);
}

const source = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(source) || (await import('./isBuildFresh.js')).isBuildFresh(fileURLToPath(new URL('../..', import.meta.url)))) {
  await import(built.href);
} else {
  // tsx reads the compiler options (decorators) from the checkout's tsconfig, whatever the cwd;
  // set in the environment so that grid threads, which register tsx themselves, read it too.
  process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
  // The packages' exports map `@jahskit/source` to their TypeScript sources. `--conditions` can only
  // be given at start-up, so a resolve hook adds the condition instead. Registered before tsx, it sits
  // next to Node's own resolver and so applies to every lookup tsx makes.
  register(
    `data:text/javascript,${encodeURIComponent(
      "export const resolve = (specifier, context, next) => next(specifier, { ...context, conditions: [...context.conditions, '@jahskit/source'] });",
    )}`,
  );
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(pathToFileURL(source).href);
}
