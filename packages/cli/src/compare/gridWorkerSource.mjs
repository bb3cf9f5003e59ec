// A grid thread of a checkout: runs the TypeScript sources bundled into one cached JavaScript file,
// or, should bundling fail, through tsx (as slow to start as the sources are many).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { gridWorkerBundle } from './gridWorkerBundle.mjs';

let bundle;
try {
  bundle = await gridWorkerBundle(fileURLToPath(workerData.entry));
} catch {
  bundle = undefined;
}
if (bundle !== undefined) {
  await import(bundle);
} else {
  // The checkout's compiler options (decorators), whatever the working directory.
  const checkout = fileURLToPath(new URL('../../../../tsconfig.json', workerData.entry));
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: process.env.TSX_TSCONFIG_PATH ?? (existsSync(checkout) ? checkout : undefined) });
  await import(workerData.entry);
}
