import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry } from '@jahskit/core';
import { bench, describe } from 'vitest';
import { defaultModules } from '../defaultModules';
import { findProtocol } from './findProtocol';
import { executeRun } from './executeRun';
import { RunContext } from './RunContext';

// One JAHS-protocol run of random search (100 mean evaluation runtimes, ~100 evaluations), as a grid
// thread does it: simulate, write the results file, find the incumbent. The model is loaded once
// (a thread keeps its benchmarks), so this is the per-run cost. Also printed: CPU time per run.
const context = new RunContext(createRegistry(defaultModules()), {});
const protocol = findProtocol('jahs');
const dir = mkdtempSync(join(tmpdir(), 'jahskit-bench-'));
let n = 0;
const oneRun = async (): Promise<void> => {
  const path = join(dir, `run${n++}.jsonl`);
  await executeRun({ spec: { task: 'jahs', optimizer: 'rs', optimizerOptions: {}, seed: n % 10 }, protocol, path }, context);
  rmSync(path);
};
await oneRun();
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
for (let i = 0; i < 50; i++) await oneRun();
const cpu = process.cpuUsage(cpuBefore);
console.log(
  `jahs protocol, rs, one run: ${((cpu.user + cpu.system) / 1000 / 50).toFixed(1)} ms CPU, ${((performance.now() - wallBefore) / 50).toFixed(1)} ms wall (mean of 50)`,
);

describe('jahs protocol run (rs, ~100 evaluations)', () => {
  bench('executeRun', oneRun, { time: 3000 });
});
