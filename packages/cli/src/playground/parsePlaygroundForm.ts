import type { JsonValue } from '@jahskit/core';
import { CliError } from '../commandLineError';
import { parseBudget } from '../compare/parseBudget';
import { MAX_SEED, parseIntegerOption } from '../parseIntegerOption';
import { parseJsonOption } from '../parseJsonOption';
import { quoteValue } from '../quoteValue';
import type { PlaygroundStudySpec } from './playgroundStudy';

/** The page's form, as the text of its fields. */
export interface PlaygroundForm {
  readonly benchmark: string;
  /** '' for the benchmark's default (no --instance). */
  readonly instance: string;
  /** A JSON object, or '' for none. */
  readonly benchmarkOptions: string;
  readonly optimizers: readonly string[];
  readonly seeds: string;
  readonly budget: string;
  readonly workers: string;
}

/** At most this many studies per click: each runs in the page, one after the other. */
export const MAX_PLAYGROUND_STUDIES = 64;

/**
 * The studies a form asks for, one per optimizer and seed (optimizers first), with options and budget
 * as `jahskit run` reads its flags, or a CliError naming the field and what it takes.
 */
export function parsePlaygroundForm(form: PlaygroundForm): PlaygroundStudySpec[] {
  if (form.optimizers.length === 0)
    throw new CliError('usage', 'optimizers: pick at least one', { parameter: 'optimizers', allowed: 'one or more optimizer ids' });
  const seeds = parseSeedList(form.seeds);
  const budget = parseBudget(form.budget.trim());
  const workers = parseIntegerOption(form.workers, 'workers', 1, 64);
  const given = parseJsonOption(form.benchmarkOptions.trim() === '' ? undefined : form.benchmarkOptions, '--benchmark-options') as Record<string, JsonValue>;
  // As run.ts merges them (--instance over --benchmark-options, last), so the command the page shows
  // writes the same header.
  if (form.instance !== '') delete given['instance'];
  const benchmarkOptions = { ...given, ...(form.instance !== '' ? { instance: form.instance } : {}) };
  const studies = form.optimizers.flatMap((optimizer) =>
    seeds.map((seed) => ({
      benchmark: form.benchmark,
      benchmarkOptions,
      optimizer,
      optimizerOptions: {},
      seed,
      budget: budget as PlaygroundStudySpec['budget'],
      workers,
    })),
  );
  if (studies.length > MAX_PLAYGROUND_STUDIES) {
    throw new CliError('usage', `${studies.length} studies (optimizers x seeds); at most ${MAX_PLAYGROUND_STUDIES} at a time`, {
      parameter: 'seeds',
      allowed: `at most ${MAX_PLAYGROUND_STUDIES} studies`,
    });
  }
  return studies;
}

/** "3" (one seed), "0..4" (a range) or "1, 4, 7" (a list); each from 0 to MAX_SEED, none twice. */
export function parseSeedList(text: string): number[] {
  const allowed = `a seed, a range a..b or a list a, b, c of seeds from 0 to ${MAX_SEED}`;
  const fail = (): never => {
    throw new CliError('usage', `--seeds must be ${allowed}, got ${quoteValue(text)}`, { parameter: 'seeds', allowed });
  };
  const range = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(text);
  const seeds =
    range !== null ? spread(Number(range[1]), Number(range[2]), fail) : text.split(',').map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : fail()));
  if (seeds.some((seed) => seed > MAX_SEED) || new Set(seeds).size !== seeds.length) fail();
  return seeds;
}

function spread(first: number, last: number, fail: () => never): number[] {
  if (!(last >= first && last - first < MAX_PLAYGROUND_STUDIES)) fail();
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
