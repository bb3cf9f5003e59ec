import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Configuration, JsonValue, Objective, PluginRegistry, SearchSpace } from '@jahskit/core';
import { EMPTY_SPACE } from '@jahskit/core';
import { readConfigSpaceJson } from '@jahskit/spaces';
import { CliError } from '../commandLineError';
import { quoteValue } from '../quoteValue';

/** What a study is about, built from `--space`; `source` is kept in the journal to build it again. */
export interface StudyProblem {
  readonly space: SearchSpace;
  readonly fidelitySpace: SearchSpace;
  readonly objectives: readonly Objective[];
  /** Every value a trial of a benchmark reports (its objectives and metrics); empty for a ConfigSpace file. */
  readonly reported: readonly string[];
  readonly source: JsonValue;
  readonly cheapMetrics?: (config: Configuration) => Readonly<Record<string, number>>;
  /** Configurations of results recorded elsewhere (`study import`): the study's first trials (see WarmStartOptimizer). */
  readonly warmStart?: readonly Configuration[];
  readonly close: () => Promise<void>;
}

/**
 * A `--space` argument: a ConfigSpace JSON file (its content goes into the journal, so workers on
 * other machines need no copy) or a benchmark id (its space, fidelities and objectives).
 */
export async function problemFromArgument(
  argument: string,
  registry: PluginRegistry,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  benchmarkOptions: Readonly<Record<string, JsonValue>>,
): Promise<StudyProblem> {
  if (argument.endsWith('.json')) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, argument), 'utf8');
    } catch (error) {
      throw new CliError('input', `--space ${quoteValue(argument)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {
        parameter: 'space',
      });
    }
    let json: JsonValue;
    try {
      json = JSON.parse(text) as JsonValue;
    } catch {
      throw new CliError('input', `--space ${quoteValue(argument)} is not JSON`, { parameter: 'space' });
    }
    return problemFromSource({ configspace: json }, registry, env);
  }
  if (!registry.list('benchmark').some((d) => d.id === argument)) {
    const known = registry.list('benchmark').map((d) => d.id);
    throw new CliError('usage', `--space must be a ConfigSpace JSON file (*.json) or a benchmark id (${known.join(', ')}), got ${quoteValue(argument)}`, {
      parameter: 'space',
      allowed: known.join(', '),
    });
  }
  return problemFromSource({ benchmark: argument, options: benchmarkOptions }, registry, env);
}

/** Builds the problem a journal's `source` describes. */
export async function problemFromSource(source: JsonValue, registry: PluginRegistry, env: Readonly<Record<string, string | undefined>>): Promise<StudyProblem> {
  const described = source as { configspace?: JsonValue; benchmark?: string; options?: Record<string, JsonValue>; warmStart?: { configs?: unknown } } | null;
  if (described !== null && typeof described === 'object' && described.configspace !== undefined) {
    const warmStart = described.warmStart?.configs;
    if (described.warmStart !== undefined && !(Array.isArray(warmStart) && warmStart.every((c) => typeof c === 'object' && c !== null && !Array.isArray(c)))) {
      throw new CliError(
        'input',
        `the study's journal gives its first trials as ${quoteValue(JSON.stringify(described.warmStart).slice(0, 200))}, not as {"configs": [{...}, ...]}`,
        { parameter: 'storage' },
      );
    }
    return {
      space: readConfigSpaceJson(described.configspace as never),
      fidelitySpace: EMPTY_SPACE,
      objectives: [],
      reported: [],
      source,
      ...(warmStart !== undefined ? { warmStart: warmStart as Configuration[] } : {}),
      close: () => Promise.resolve(),
    };
  }
  if (described !== null && typeof described === 'object' && typeof described.benchmark === 'string') {
    const benchmark = await registry.createBenchmark(described.benchmark, described.options ?? {}, { env });
    return {
      space: benchmark.space,
      fidelitySpace: benchmark.fidelitySpace,
      objectives: benchmark.objectives,
      reported: [...benchmark.objectives.map((o) => o.name), ...benchmark.metrics],
      source,
      ...(benchmark.cheapMetrics !== undefined ? { cheapMetrics: benchmark.cheapMetrics.bind(benchmark) } : {}),
      close: () => benchmark.close?.() ?? Promise.resolve(),
    };
  }
  throw new CliError('input', `the study's journal describes its space as ${quoteValue(JSON.stringify(source))}, which this jahskit cannot build`, {
    parameter: 'storage',
  });
}

/**
 * `--objectives loss,acc:max`: names with an optional direction (default min). For a benchmark the
 * names must be its objectives; without the flag a benchmark's own objectives are used.
 */
export function parseObjectives(text: string | undefined, known: readonly Objective[]): readonly Objective[] {
  if (text === undefined) {
    if (known.length === 0)
      throw new CliError('usage', '--objectives is needed with a ConfigSpace file, e.g. --objectives loss or --objectives error,latency', {
        parameter: 'objectives',
      });
    return known;
  }
  const objectives = text.split(',').map((part): Objective => {
    const [name = '', direction = 'min'] = part.trim().split(':');
    if (!/^[\w.-]+$/.test(name) || !['min', 'max', 'minimize', 'maximize'].includes(direction)) {
      throw new CliError('usage', `--objectives: ${quoteValue(part)} is not name[:min|max]`, { parameter: 'objectives', allowed: 'name[:min|max],...' });
    }
    const found = known.find((o) => o.name === name);
    if (known.length > 0 && found === undefined) {
      throw new CliError('usage', `--objectives: the benchmark has no objective ${quoteValue(name)}; its objectives: ${known.map((o) => o.name).join(', ')}`, {
        parameter: 'objectives',
        allowed: known.map((o) => o.name).join(', '),
      });
    }
    return found ?? { name, direction: direction.startsWith('max') ? 'maximize' : 'minimize', cheap: false };
  });
  if (new Set(objectives.map((o) => o.name)).size !== objectives.length)
    throw new CliError('usage', '--objectives: names must be unique', { parameter: 'objectives' });
  return objectives;
}
