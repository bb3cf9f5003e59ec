#!/usr/bin/env node
// In a checkout the TypeScript sources are run through tsx, so `npx jahskit` works right after
// `npm ci` with no build step; an installed package (sources not shipped) runs its build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
if (existsSync(source)) {
  const tsx = import.meta.resolve('tsx');
  const result = spawnSync(
    process.execPath,
    ['--conditions=@jahskit/source', '--import', tsx, source, ...process.argv.slice(2)],
    // tsx reads the compiler options (decorators) from the checkout's tsconfig, whatever the cwd.
    { stdio: 'inherit', env: { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) } },
  );
  process.exit(result.status ?? 1);
} else {
  await import(new URL('../dist/bin.js', import.meta.url).href);
}
