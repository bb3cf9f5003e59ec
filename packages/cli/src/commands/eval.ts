import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Benchmark, Configuration, Evaluation, EvaluationRequest, PluginRegistry } from '@jahskit/core';
import type { CliIo, Command } from '../Command';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { lineBatches } from '../lineBatches';
import { peekFlag } from '../pluginOptionFlags';
import { MAX_SEED } from '../parseIntegerOption';
import { parseJsonOption } from '../parseJsonOption';
import { quoteValue } from '../quoteValue';

const USAGE = `usage: jahskit eval --benchmark <id> [--instance <name>] [--benchmark-options <json>] [--<option> <value> ...] [file]
  --noise 0, --objectives '["valid_error","latency_s"]' ...   an option of the benchmark as \`jahskit list\`
      prints it: the same as giving it in --benchmark-options (not both)
  Reads JSON lines {"config": {...}, "fidelity": {...}, "seed": 0} from the file or standard input and
  prints one JSON line per query with the objectives, every metric, the cost and any raw model outputs.
  "fidelity" may be left out: fidelity parameters may sit inside "config", and missing ones take the
  fidelity space's default (the highest fidelity). Some benchmarks accept other notations of a
  configuration, e.g. nb201 {"config": {"arch": "|nor_conv_3x3~0|+|..."}}.
  Each line is answered as soon as it is read; a bad line stops eval (exit 1) once the lines before it
  are answered.`;

const FLAGS = { benchmark: { type: 'string' }, instance: { type: 'string' }, 'benchmark-options': { type: 'string' } } as const;

/** `jahskit eval`: query a benchmark from the shell, one JSON line in, one JSON line out. */
export function evalCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'eval',
      summary: 'evaluate configurations read as JSON lines and print objectives, metrics and cost',
      usage: USAGE,
      flags: FLAGS,
      positionals: true,
      pluginOptions: (argv) => {
        const benchmarkId = peekFlag(argv, 'benchmark');
        return benchmarkId === undefined ? [] : [{ kind: 'benchmark', descriptor: registry().get('benchmark', benchmarkId) }];
      },
    },
    async (flagged, io) => {
      const { values, positionals } = flagged;
      if (values.benchmark === undefined) throw new CliError('usage', '--benchmark <id> is required', { parameter: 'benchmark' });
      if (positionals.length > 1) throw new CliError('usage', `expected at most one input file, got ${positionals.length}`, { parameter: 'file' });
      const options = {
        ...flagged.options('benchmark', parseJsonOption(values['benchmark-options'], '--benchmark-options'), '--benchmark-options'),
        ...(values.instance !== undefined ? { instance: values.instance } : {}),
      };
      const file = positionals[0] === undefined ? undefined : await openInput(resolve(io.cwd, positionals[0]));
      try {
        const benchmark = await registry().createBenchmark(values.benchmark, options, { env: io.env });
        return await answerLines(file?.createReadStream() ?? io.stdinChunks(), benchmark, io);
      } finally {
        await file?.close();
      }
    },
  );
}

/**
 * Answers each line as soon as it is read, so that a program can drive eval line by line; the lines
 * of one chunk (of a file, say) are evaluated together. A bad line stops eval after the lines before
 * it are answered. Closes the benchmark.
 */
async function answerLines(input: AsyncIterable<string | Uint8Array>, benchmark: Benchmark, io: CliIo): Promise<number> {
  try {
    let lineNumber = 1;
    for await (const lines of lineBatches(input)) {
      const requests: EvaluationRequest[] = [];
      let failure: unknown;
      for (const line of lines) {
        try {
          const request = parseQuery(line, lineNumber++, benchmark);
          if (request !== undefined) requests.push(request);
        } catch (error) {
          failure = error;
          break;
        }
      }
      if (requests.length > 0) io.stdout(answers(benchmark, requests, await benchmark.evaluate(requests)));
      if (failure !== undefined) throw failure;
    }
    return 0;
  } finally {
    await benchmark.close?.();
  }
}

async function openInput(path: string): Promise<FileHandle> {
  try {
    return await open(path);
  } catch (error) {
    throw new CliError('io', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { parameter: 'file' });
  }
}

function answers(benchmark: Benchmark, requests: readonly EvaluationRequest[], evaluations: readonly Evaluation[]): string {
  const objectiveNames = new Set(benchmark.objectives.map((o) => o.name));
  return evaluations
    .map((evaluation, i) => {
      const objectives: Record<string, number> = {};
      const metrics: Record<string, number> = {};
      for (const [name, value] of Object.entries(evaluation.metrics)) (objectiveNames.has(name) ? objectives : metrics)[name] = value;
      return `${JSON.stringify({
        config: requests[i]!.config,
        fidelity: requests[i]!.fidelity,
        status: evaluation.status ?? 'ok',
        objectives,
        metrics,
        cost: evaluation.cost,
        ...(evaluation.raw !== undefined ? { raw: evaluation.raw } : {}),
      })}\n`;
    })
    .join('');
}

/** One input line as a request, validated; undefined for a blank line or a # comment. */
function parseQuery(raw: string, lineNumber: number, benchmark: Benchmark): EvaluationRequest | undefined {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return undefined;
  const where = `line ${lineNumber}`;
  let query: unknown;
  try {
    query = JSON.parse(line);
  } catch {
    throw new CliError('input', `${where}: not valid JSON: ${quoteValue(line)}`, { parameter: 'input' });
  }
  if (typeof query !== 'object' || query === null || Array.isArray(query) || !('config' in query)) {
    throw new CliError('input', `${where}: expected an object {"config": {...}, "fidelity": {...}}`, { parameter: 'config' });
  }
  const fidelityNames = new Set(benchmark.fidelitySpace.parameters.map((p) => p.name));
  const { config: given, fidelity: givenFidelity, seed = 0 } = query as { config: unknown; fidelity?: unknown; seed?: unknown };
  const parsed = atLine(where, () => benchmark.parseConfig?.(given) ?? given);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError('input', `${where}: "config" must be an object`, { parameter: 'config' });
  }
  const config: Record<string, unknown> = {};
  const fidelity: Record<string, unknown> = { ...benchmark.fidelitySpace.defaultConfiguration() };
  for (const [key, value] of Object.entries(parsed)) (fidelityNames.has(key) ? fidelity : config)[key] = value;
  if (givenFidelity !== undefined) {
    if (typeof givenFidelity !== 'object' || givenFidelity === null)
      throw new CliError('input', `${where}: "fidelity" must be an object`, { parameter: 'fidelity' });
    Object.assign(fidelity, givenFidelity);
  }
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new CliError('input', `${where}: "seed" must be an integer from 0 to ${MAX_SEED}`, { parameter: 'seed', allowed: `integers from 0 to ${MAX_SEED}` });
  }
  return atLine(where, () => ({ config: benchmark.space.validate(config) as Configuration, fidelity: benchmark.fidelitySpace.validate(fidelity), seed }));
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
