#!/usr/bin/env node
// In a checkout the TypeScript sources run through tsx, so `npx jahskit` works right after `npm ci`
// with no build step; an installed package (sources not shipped) runs its build.
//
// The CLI runs in this very process rather than in a child: a signal sent to this PID (Ctrl-C,
// SIGTERM, SIGKILL from a job runner) then reaches the process that does the work, and nothing is
// left running to write into a results folder that a rerun is resuming.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
if (existsSync(source)) {
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
} else {
  await import(new URL('../dist/bin.js', import.meta.url).href);
}
