import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

/** A small real grid (two tasks, one multi-objective) in a fresh folder, as `grid/`; returns the folder. */
export async function writeReportGrid(): Promise<string> {
  const cwd = mkdtempSync(join(tmpdir(), 'jahskit-report-'));
  const args = ['compare', '--protocols', 'nb201,nb201-mo', '--optimizers', 'rs,re,nsga2', '--seeds', '3', '--threads', '1', '--quiet', '--out', 'grid'];
  expect(await runCli(args, memoryIo('', cwd))).toBe(0);
  return cwd;
}
