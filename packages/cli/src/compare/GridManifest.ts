import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '@jahskit/core';
import { CliError } from '../commandLineError';
import type { SkippedPair } from './RunSpec';

/** `<out>/grid.json`: what a results folder holds, so that a folder is only ever resumed by its own grid. */
export interface GridManifest {
  readonly tasks: readonly string[];
  readonly optimizers: readonly { readonly id: string; readonly options: Readonly<Record<string, JsonValue>> }[];
  readonly seeds: number;
  /** Pairs left out because the optimizer cannot handle the task's objectives. */
  readonly skipped: readonly SkippedPair[];
}

export const MANIFEST_FILE = 'grid.json';

/**
 * Claims `out` for a grid: a new or empty folder gets the manifest; a folder holding the same grid is
 * resumed; a folder holding another grid's manifest and no results (that grid failed before any run
 * wrote a line) is taken over; anything else (another grid's results, or files that are not a grid)
 * is refused, so that existing results are never mixed with or overwritten by others.
 */
export function claimResultsFolder(out: string, manifest: GridManifest): 'new' | 'resume' {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const path = join(out, MANIFEST_FILE);
  if (existsSync(path)) {
    const existing = readFileSync(path, 'utf8');
    let other: Partial<GridManifest> = {};
    try {
      other = JSON.parse(existing) as Partial<GridManifest>;
    } catch {
      // Described below like any other foreign manifest.
    }
    // The same grid, whatever the layout of the file: it resumes.
    if (existing === text || `${JSON.stringify(other, null, 2)}\n` === text) return 'resume';
    if (!holdsFiles(out, true)) {
      writeFileSync(path, text);
      return 'new';
    }
    throw new CliError(
      'input',
      `--out ${out} holds another grid's results (${describe(other)}); rerun with exactly those settings to resume it, or choose another --out`,
      { parameter: 'out' },
    );
  }
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new CliError('input', `--out ${out} is not empty and holds no ${MANIFEST_FILE}; choose a new or empty folder`, { parameter: 'out' });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(path, text);
  return 'new';
}

/** Reads the manifest of a results folder (for `jahskit report`). */
export function readManifest(out: string): GridManifest {
  const path = join(out, MANIFEST_FILE);
  if (!existsSync(path)) throw new CliError('input', `${out} holds no ${MANIFEST_FILE}: not a folder written by jahskit compare`, { parameter: 'results-dir' });
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as GridManifest;
  } catch {
    throw new CliError('input', `${path} is not JSON`, { parameter: 'results-dir' });
  }
}

/** Whether `dir` holds any file, at any depth (the manifest at its top aside). */
function holdsFiles(dir: string, top: boolean): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() ? holdsFiles(join(dir, entry.name), false) : !(top && entry.name === MANIFEST_FILE)) return true;
  }
  return false;
}

function describe(m: Partial<GridManifest>): string {
  const tasks = Array.isArray(m.tasks) ? m.tasks.join(',') : '?';
  const optimizers = Array.isArray(m.optimizers) ? m.optimizers.map((o) => o.id).join(',') : '?';
  return `benchmarks ${tasks}, optimizers ${optimizers}, seeds ${String(m.seeds ?? '?')}`;
}
