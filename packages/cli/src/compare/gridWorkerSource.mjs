// In a checkout the grid thread runs the TypeScript sources: register tsx in this thread first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
