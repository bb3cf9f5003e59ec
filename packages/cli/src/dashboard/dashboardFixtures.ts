import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

/**
 * A small finished grid written by a real `jahskit compare`: a single-objective and a two-objective
 * NAS-Bench-201 task (with its true front), rs, re and nsga2 (re and nsga2 each skip one), three
 * seeds of 70 evaluations (past the 50 random ones that regularized evolution starts from, so that it differs from rs). Returns the results folder.
 */
export async function writeSmallGrid(): Promise<string> {
  const cwd = mkdtempSync(join(tmpdir(), 'jahskit-dashboard-'));
  const args = [
    'compare',
    '--protocols',
    'nb201,nb201-mo',
    '--optimizers',
    'rs,re,nsga2',
    '--seeds',
    '3',
    '--budget',
    '70',
    '--threads',
    '1',
    '--quiet',
    '--out',
    'grid',
  ];
  const io = memoryIo('', cwd);
  const code = await runCli(args, io);
  if (code !== 0) throw new Error(`compare failed: ${io.err()}`);
  return join(cwd, 'grid');
}
