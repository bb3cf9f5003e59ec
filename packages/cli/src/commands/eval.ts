import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Benchmark, Configuration, EvaluationRequest, PluginRegistry } from '@jahskit/core';
import type { Command } from '../Command';
import { CliError } from '../commandLineError';
import { parseJsonOption } from '../parseJsonOption';

const USAGE = `usage: jahskit eval --benchmark <id> [--instance <name>] [--benchmark-options <json>] [file]
  Reads JSON lines {"config": {...}, "fidelity": {...}, "seed": 0} from the file or standard input and
  prints one JSON line per query with the objectives, every metric, the cost and any raw model outputs.
  "fidelity" may be left out: fidelity parameters may sit inside "config", and missing ones take the
  fidelity space's default (the highest fidelity). Some benchmarks accept other notations of a
  configuration, e.g. nb201 {"config": {"arch": "|nor_conv_3x3~0|+|..."}}.`;

/** `jahskit eval`: query a benchmark from the shell, one JSON line in, one JSON line out. */
export function evalCommand(registry: () => PluginRegistry): Command {
  return {
    name: 'eval',
    summary: 'evaluate configurations read as JSON lines and print objectives, metrics and cost',
    usage: USAGE,
    async run(argv, io) {
      const { values, positionals } = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: true,
        options: {
          benchmark: { type: 'string' },
          instance: { type: 'string' },
          'benchmark-options': { type: 'string' },
        },
      });
      if (values.benchmark === undefined) throw new CliError('usage', '--benchmark <id> is required', { parameter: 'benchmark' });
      const options = {
        ...parseJsonOption(values['benchmark-options'], '--benchmark-options'),
        ...(values.instance !== undefined ? { instance: values.instance } : {}),
      };
      const text = positionals[0] === undefined ? await io.readStdin() : await readInput(resolve(io.cwd, positionals[0]));
      const benchmark = await registry().createBenchmark(values.benchmark, options, { env: io.env });
      try {
        const requests = parseQueries(text, benchmark);
        const evaluations = requests.length > 0 ? await benchmark.evaluate(requests) : [];
        const objectiveNames = new Set(benchmark.objectives.map((o) => o.name));
        const out = evaluations.map((evaluation, i) => {
          const objectives: Record<string, number> = {};
          const metrics: Record<string, number> = {};
          for (const [name, value] of Object.entries(evaluation.metrics)) (objectiveNames.has(name) ? objectives : metrics)[name] = value;
          return JSON.stringify({
            config: requests[i]!.config,
            fidelity: requests[i]!.fidelity,
            status: evaluation.status ?? 'ok',
            objectives,
            metrics,
            cost: evaluation.cost,
            ...(evaluation.raw !== undefined ? { raw: evaluation.raw } : {}),
          });
        });
        io.stdout(out.length > 0 ? `${out.join('\n')}\n` : '');
        return 0;
      } finally {
        await benchmark.close?.();
      }
    },
  };
}

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError('io', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { parameter: 'file' });
  }
}

/** Parses and validates every line before anything is evaluated: one bad line rejects the input. */
export function parseQueries(text: string, benchmark: Benchmark): EvaluationRequest[] {
  const requests: EvaluationRequest[] = [];
  const fidelityNames = new Set(benchmark.fidelitySpace.parameters.map((p) => p.name));
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `line ${index + 1}`;
    let query: unknown;
    try {
      query = JSON.parse(line);
    } catch {
      throw new CliError('input', `${where}: not valid JSON: ${line.length > 60 ? `${line.slice(0, 60)}...` : line}`, { parameter: 'input' });
    }
    if (typeof query !== 'object' || query === null || Array.isArray(query) || !('config' in query)) {
      throw new CliError('input', `${where}: expected an object {"config": {...}, "fidelity": {...}}`, { parameter: 'config' });
    }
    const { config: given, fidelity: givenFidelity, seed = 0 } = query as { config: unknown; fidelity?: unknown; seed?: unknown };
    const parsed = atLine(where, () => benchmark.parseConfig?.(given) ?? given);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CliError('input', `${where}: "config" must be an object`, { parameter: 'config' });
    }
    const config: Record<string, unknown> = {};
    const fidelity: Record<string, unknown> = { ...benchmark.fidelitySpace.defaultConfiguration() };
    for (const [key, value] of Object.entries(parsed)) (fidelityNames.has(key) ? fidelity : config)[key] = value;
    if (givenFidelity !== undefined) {
      if (typeof givenFidelity !== 'object' || givenFidelity === null) throw new CliError('input', `${where}: "fidelity" must be an object`, { parameter: 'fidelity' });
      Object.assign(fidelity, givenFidelity);
    }
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0) {
      throw new CliError('input', `${where}: "seed" must be an integer >= 0`, { parameter: 'seed' });
    }
    requests.push(atLine(where, () => ({ config: benchmark.space.validate(config) as Configuration, fidelity: benchmark.fidelitySpace.validate(fidelity), seed })));
  });
  return requests;
}

/** Runs `body`, prefixing the message of any error it throws with the input line it is about. */
function atLine<T>(where: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof Error) error.message = `${where}: ${error.message}`;
    throw error;
  }
}
