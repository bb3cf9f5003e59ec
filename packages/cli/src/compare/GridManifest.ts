import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue } from '@jahskit/core';
import { CliError } from '../commandLineError';
import type { SkippedPair } from './RunSpec';

/** `<out>/grid.json`: what a results folder holds, so that a folder is only ever resumed by its own grid. */
export interface GridManifest {
  readonly tasks: readonly string[];
  readonly optimizers: readonly { readonly id: string; readonly options: Readonly<Record<string, JsonValue>> }[];
  /** n for seeds 0..n-1 (as every grid wrote before seed ranges), else the seeds themselves. */
  readonly seeds: number | readonly number[];
  /** Pairs left out because the optimizer cannot handle the task's objectives. */
  readonly skipped: readonly SkippedPair[];
  /** The budget of every run, when `--budget` overrode the protocols' own. */
  readonly budget?: { readonly evaluations?: number; readonly simulatedSeconds?: number };
  /** Derived objectives replacing every protocol's, when `--objective` gave them. */
  readonly objectives?: readonly string[];
  /** Constraints added to every protocol's, when `--constraint` gave them. */
  readonly constraints?: readonly string[];
}

/** The seeds of a grid, ascending. */
export function manifestSeeds(manifest: Pick<GridManifest, 'seeds'>): number[] {
  return typeof manifest.seeds === 'number' ? Array.from({ length: manifest.seeds }, (_, i) => i) : [...manifest.seeds].sort((a, b) => a - b);
}

/** The manifest's form of a set of seeds: a count when they are 0..n-1, so older folders still match. */
export function seedsField(seeds: readonly number[]): number | number[] {
  const sorted = [...new Set(seeds)].sort((a, b) => a - b);
  return sorted.every((s, i) => s === i) ? sorted.length : sorted;
}

/**
 * The grid `extension` adds to `existing`: the union of their tasks, optimizers and seeds (and of the
 * pairs they skip), so that its runs are every run of both and the folder stays one grid that
 * analysis can read. Undefined when they cannot be one grid: an optimizer label with other options,
 * or another budget.
 */
function extendManifest(existing: GridManifest, extension: GridManifest): GridManifest | undefined {
  if (JSON.stringify(existing.budget ?? null) !== JSON.stringify(extension.budget ?? null)) return undefined;
  // Other expressions make other tasks under the same protocol names: not one grid.
  if (JSON.stringify(existing.objectives ?? []) !== JSON.stringify(extension.objectives ?? [])) return undefined;
  if (JSON.stringify(existing.constraints ?? []) !== JSON.stringify(extension.constraints ?? [])) return undefined;
  const optimizers = [...existing.optimizers];
  for (const optimizer of extension.optimizers) {
    const same = optimizers.find((o) => o.id === optimizer.id);
    if (same === undefined) optimizers.push(optimizer);
    else if (JSON.stringify(same.options) !== JSON.stringify(optimizer.options)) return undefined;
  }
  const skipped = [...existing.skipped];
  for (const pair of extension.skipped) if (!skipped.some((s) => s.task === pair.task && s.optimizer === pair.optimizer)) skipped.push(pair);
  return {
    tasks: [...new Set([...existing.tasks, ...extension.tasks])],
    optimizers,
    seeds: seedsField([...manifestSeeds(existing), ...manifestSeeds(extension)]),
    skipped,
    ...(extension.budget !== undefined ? { budget: extension.budget } : {}),
    ...(extension.objectives !== undefined ? { objectives: extension.objectives } : {}),
    ...(extension.constraints !== undefined ? { constraints: extension.constraints } : {}),
  };
}

export const MANIFEST_FILE = 'grid.json';

/**
 * Claims `out` for a grid: a new or empty folder gets the manifest; a folder holding the same grid is
 * resumed; with `extend`, a folder holding a grid that this one can join (see `extendManifest`) gets
 * the union; a folder holding another grid's manifest and no results (that grid failed before any
 * run wrote a line) is taken over; anything else (another grid's results, or files that are not a
 * grid) is refused, so that existing results are never mixed with or overwritten by others. Returns
 * the grid the folder now holds, whose runs are the ones to run.
 */
export function claimResultsFolder(
  out: string,
  manifest: GridManifest,
  options: { readonly extend?: boolean } = {},
): { readonly status: 'new' | 'resume' | 'extend'; readonly manifest: GridManifest } {
  const textOf = (m: GridManifest): string => `${JSON.stringify(m, null, 2)}\n`;
  const text = textOf(manifest);
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
    if (existing === text || `${JSON.stringify(other, null, 2)}\n` === text) return { status: 'resume', manifest };
    if (!holdsFiles(out, true)) {
      writeFileSync(path, text);
      return { status: 'new', manifest };
    }
    const union = options.extend === true && isManifest(other) ? extendManifest(other, manifest) : undefined;
    if (union !== undefined) {
      if (textOf(union) === `${JSON.stringify(other, null, 2)}\n`) return { status: 'resume', manifest: union };
      writeFileSync(path, textOf(union));
      return { status: 'extend', manifest: union };
    }
    const hint =
      options.extend === true
        ? 'it cannot be extended by this grid (an optimizer with other options, or another --budget, --objective or --constraint)'
        : "rerun with exactly those settings to resume it, add --extend to add this grid's protocols, optimizers and seeds to it";
    throw new CliError('input', `--out ${out} holds another grid's results (${describe(other)}); ${hint}, or choose another --out`, { parameter: 'out' });
  }
  if (existsSync(out) && readdirSync(out).length > 0) {
    throw new CliError('input', `--out ${out} is not empty and holds no ${MANIFEST_FILE}; choose a new or empty folder`, { parameter: 'out' });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(path, text);
  return { status: 'new', manifest };
}

function isManifest(m: Partial<GridManifest>): m is GridManifest {
  return Array.isArray(m.tasks) && Array.isArray(m.optimizers) && Array.isArray(m.skipped) && (typeof m.seeds === 'number' || Array.isArray(m.seeds));
}

/** Reads the manifest of a results folder (for `jahskit report`). */
export function readManifest(out: string): GridManifest {
  const path = join(out, MANIFEST_FILE);
  if (!existsSync(path))
    throw new CliError('input', `${out} holds no ${MANIFEST_FILE} and no run files: not a folder written by jahskit compare or jahskit run`, {
      parameter: 'results-dir',
    });
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
  const seeds = typeof m.seeds === 'number' || Array.isArray(m.seeds) ? describeSeeds(manifestSeeds({ seeds: m.seeds })) : '?';
  return `protocols ${tasks}, optimizers ${optimizers}, seeds ${seeds}`;
}

/** "0..9", or "0..9,20..24". */
function describeSeeds(seeds: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seeds.length;) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === (seeds[j] as number) + 1) j++;
    parts.push(i === j ? String(seeds[i]) : `${seeds[i]}..${seeds[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
