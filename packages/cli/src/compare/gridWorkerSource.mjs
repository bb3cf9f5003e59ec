// In a checkout the grid thread runs the TypeScript sources: register tsx in this thread first, with
// the checkout's compiler options (decorators), whatever the working directory.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const checkout = fileURLToPath(new URL('../../../../tsconfig.json', workerData.entry));
register({ tsconfig: process.env.TSX_TSCONFIG_PATH ?? (existsSync(checkout) ? checkout : undefined) });
await import(workerData.entry);
