import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CoreError, loadExpressionCompiler, StoredStudy, type JsonValue, type PluginRegistry, type StudyStorage, type TrialRecord } from '@jahskit/core';
import type { CliIo, Command } from '../Command';
import { CliError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
import { MAX_SEED, parseIntegerOption } from '../parseIntegerOption';
import { parseJsonOption } from '../parseJsonOption';
import { quoteValue } from '../quoteValue';
import { formatTable } from '../report/formatTable';
import { importOptunaStudy } from '../study/importOptunaStudy';
import { defaultWorkerName, openCliStudy, partsFor } from '../study/openCliStudy';
import { parseObjectives, problemFromArgument } from '../study/studyProblem';
import { loadStorage } from '../loadStorage';

const USAGE = `usage: jahskit study <create|ask|tell|show|list|export|import> --storage <url> --name <study> [options]
  storage URLs: memory:, file:path/study.jsonl (one machine), postgresql://user@host:port/db (many machines)
  create --space <configspace.json | benchmark id> [--objectives name[:min|max],...] --optimizer <id>
         [--optimizer-options <json>] [--benchmark-options <json>] [--seed <n>] [--grace-seconds <s>]
         [--constraint "latency_s <= 0.02" ...]
         creating a study that exists with the same settings opens it; other settings are an error;
         a constraint reads the objectives and, on a benchmark, its metrics (tell them with --metrics):
         the optimizer is told how far each trial is from satisfying it, and the best is the best feasible
  ask    [--worker <name>]             prints one JSON line {"id", "config", "fidelity"} (null: none now)
  tell   --trial <id> (--values v1[,v2] | --failed) [--metrics <json>] [--cost <seconds>] [--worker <name>]
  show   [--json]                      trials, states, how many satisfy the constraints, and the best result
  list                                 the studies in the storage
  export --format optuna-journal|jsonl [--out <file>]
  import --format optuna-journal FILE [--optuna-study <name>] [--optimizer <id>] [--optimizer-options <json>]
         [--seed <n>]  a new study whose first trials are the Optuna study's finished ones (COMPLETE: ok,
         FAIL and PRUNED: failed; RUNNING and WAITING skipped); its optimizer (default tpe, or motpe for
         several objectives) learns from them before it proposes; the space comes from the distributions
  Trials of a worker that is silent for --grace-seconds (default 86400: a shell loop sends no
  heartbeats) expire: the optimizer is told they failed, and a result told later is kept as late.`;

const FLAGS = {
  storage: { type: 'string' },
  name: { type: 'string' },
  space: { type: 'string' },
  objectives: { type: 'string' },
  optimizer: { type: 'string' },
  'optimizer-options': { type: 'string' },
  'benchmark-options': { type: 'string' },
  seed: { type: 'string', default: '0' },
  'grace-seconds': { type: 'string', default: '86400' },
  worker: { type: 'string' },
  trial: { type: 'string' },
  values: { type: 'string' },
  failed: { type: 'boolean', default: false },
  metrics: { type: 'string' },
  cost: { type: 'string' },
  json: { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
  'optuna-study': { type: 'string' },
  constraint: { type: 'string', multiple: true },
} as const;

const ACTIONS = ['create', 'ask', 'tell', 'show', 'list', 'export', 'import'] as const;

/** `jahskit study`: a study in a storage, driven from the shell on any number of machines. */
export function studyCommand(registry: () => PluginRegistry): Command {
  return defineCommand(
    {
      name: 'study',
      summary: 'create, ask, tell, show and export studies kept in a file or PostgreSQL',
      usage: USAGE,
      flags: FLAGS,
      actions: ACTIONS,
      positionals: true,
    },
    async ({ action, values, positionals }, io) => {
      if (action !== 'import' && positionals.length > 0) {
        throw new CliError('usage', `unexpected argument ${quoteValue(positionals[0] as string)}: jahskit study ${action} takes only options`, {
          parameter: 'arguments',
        });
      }
      if (action === 'import') checkImportArguments(values.format, positionals);
      const url = required(values.storage, 'storage');
      const storage = (await loadStorage()).openStorage(url, { cwd: io.cwd });
      try {
        if (action === 'list') {
          const names = await storage.studies();
          io.stdout(names.length > 0 ? `${names.join('\n')}\n` : '');
          return 0;
        }
        const name = required(values.name, 'name');
        const worker = values.worker ?? defaultWorkerName();
        if (action === 'create') return await create(storage, name, worker, values, registry(), io);
        if (action === 'export') return await exportStudy(storage, name, values.format, values.out, io);
        if (action === 'import') {
          const options = {
            ...(values['optuna-study'] !== undefined ? { optunaStudy: values['optuna-study'] } : {}),
            ...(values.optimizer !== undefined ? { optimizer: values.optimizer } : {}),
            optimizerOptions: parseJsonOption(values['optimizer-options'], '--optimizer-options') as JsonValue,
            seed: parseIntegerOption(values.seed ?? '0', 'seed', 0, MAX_SEED),
            graceSeconds: parseIntegerOption(values['grace-seconds'] ?? '86400', 'grace-seconds', 1),
            worker,
          };
          return await importOptunaStudy(storage, name, positionals[0] as string, options, registry(), io);
        }
        const { study, problem } = await openCliStudy(storage, name, registry(), io.env, worker);
        try {
          if (action === 'ask') {
            const [trial] = await study.ask(1);
            io.stdout(`${JSON.stringify(trial === undefined ? null : { id: trial.id, config: trial.config, fidelity: trial.fidelity })}\n`);
          } else if (action === 'tell') {
            const outcome = await study.tell(tellResult(values, study.objectives.length));
            io.stdout(`${outcome}\n`);
          } else {
            io.stdout(values.json ? `${JSON.stringify(summary(study))}\n` : `${formatSummary(study)}\n`);
          }
          return 0;
        } finally {
          await problem.close();
        }
      } finally {
        await storage.close();
      }
    },
  );
}

type Values = {
  readonly [K in keyof typeof FLAGS]?: (typeof FLAGS)[K] extends { multiple: true } ? string[] : (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
};

async function create(storage: StudyStorage, name: string, worker: string, values: Values, registry: PluginRegistry, io: CliIo): Promise<number> {
  const optimizer = required(values.optimizer, 'optimizer');
  registry.get('optimizer', optimizer);
  const seed = parseIntegerOption(values.seed ?? '0', 'seed', 0, MAX_SEED);
  const graceSeconds = parseIntegerOption(values['grace-seconds'] ?? '86400', 'grace-seconds', 1);
  const options = parseJsonOption(values['optimizer-options'], '--optimizer-options') as JsonValue;
  const benchmarkOptions = parseJsonOption(values['benchmark-options'], '--benchmark-options') as Record<string, JsonValue>;
  const problem = await problemFromArgument(required(values.space, 'space'), registry, io.env, io.cwd, benchmarkOptions);
  try {
    const objectives = parseObjectives(values.objectives, problem.objectives);
    const constraints = values.constraint ?? [];
    const metrics = problem.reported.filter((name) => !objectives.some((o) => o.name === name));
    if (constraints.length > 0) {
      // Checked here as well as by StoredStudy, so that a bad expression is a usage error naming the flag.
      const compiler = await loadExpressionCompiler();
      const known = [...objectives.map((o) => o.name), ...metrics];
      try {
        for (const text of constraints) compiler.constraint(text, known, '--constraint');
      } catch (error) {
        if (CoreError.is(error) && error.kind === 'invalid-argument') throw new CliError('usage', error.message, { parameter: 'constraint', cause: error });
        throw error;
      }
    }
    const before = (await storage.read(name, -1)).length;
    await StoredStudy.create({
      storage,
      name,
      worker,
      space: problem.space,
      fidelitySpace: problem.fidelitySpace,
      objectives,
      optimizer: { id: optimizer, options },
      seed,
      source: problem.source,
      graceSeconds,
      ...(constraints.length > 0 ? { constraints, metrics } : {}),
      parts: partsFor(problem, registry),
    });
    io.stdout(`${before === 0 ? 'created' : 'opened existing'} study "${name}" in ${storage.location}\n`);
    return 0;
  } finally {
    await problem.close();
  }
}

function tellResult(values: Values, objectives: number) {
  const trialId = parseIntegerOption(required(values.trial, 'trial'), 'trial', 0);
  if (values.failed === true && values.values !== undefined) throw new CliError('usage', 'give --values or --failed, not both', { parameter: 'values' });
  if (values.failed !== true && values.values === undefined)
    throw new CliError('usage', `give --values (${objectives} number${objectives === 1 ? '' : 's'}) or --failed`, { parameter: 'values' });
  const metrics = parseJsonOption(values.metrics, '--metrics') as Record<string, number>;
  const cost = values.cost === undefined ? undefined : Number(values.cost);
  if (cost !== undefined && !(Number.isFinite(cost) && cost >= 0))
    throw new CliError('usage', `--cost must be a number of seconds >= 0, got ${quoteValue(values.cost as string)}`, { parameter: 'cost' });
  const base = { trialId, metrics, ...(cost !== undefined ? { cost } : {}) };
  if (values.failed === true) return { ...base, status: 'failed' as const };
  const numbers = (values.values as string).split(',').map((text) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value))
      throw new CliError(
        'usage',
        `--values must be ${objectives} finite number${objectives === 1 ? '' : 's'} separated by commas, got ${quoteValue(values.values as string)}`,
        { parameter: 'values' },
      );
    return value;
  });
  return { ...base, objectives: numbers };
}

const IMPORT_FORMATS = ['optuna-journal'];

/** Checked before the storage is opened: a wrong command line is a usage error whatever the storage holds. */
function checkImportArguments(format: string | undefined, positionals: readonly string[]): void {
  if (format === undefined || !IMPORT_FORMATS.includes(format)) {
    throw new CliError('usage', `--format must be one of ${IMPORT_FORMATS.join(', ')}, got ${format === undefined ? 'nothing' : quoteValue(format)}`, {
      parameter: 'format',
      allowed: IMPORT_FORMATS.join(', '),
    });
  }
  if (positionals.length !== 1) {
    throw new CliError(
      'usage',
      `jahskit study import takes one FILE (an Optuna journal), got ${positionals.length === 0 ? 'none' : positionals.map((p) => quoteValue(p)).join(' ')}`,
      { parameter: 'FILE' },
    );
  }
}

async function exportStudy(storage: StudyStorage, name: string, format: string | undefined, out: string | undefined, io: CliIo): Promise<number> {
  const formats = ['optuna-journal', 'jsonl'];
  if (format === undefined || !formats.includes(format))
    throw new CliError('usage', `--format must be one of ${formats.join(', ')}, got ${format === undefined ? 'nothing' : quoteValue(format)}`, {
      parameter: 'format',
      allowed: formats.join(', '),
    });
  const entries = await storage.read(name, -1);
  if (entries.length === 0) throw new CliError('input', `no study "${name}" in ${storage.location}`, { parameter: 'name' });
  const text = format === 'jsonl' ? entries.map((e) => `${JSON.stringify(e)}\n`).join('') : (await loadStorage()).toOptunaJournal(name, entries);
  if (out === undefined) io.stdout(text);
  else await writeFile(resolve(io.cwd, out), text);
  return 0;
}

function summary(study: StoredStudy): Record<string, JsonValue> {
  const count = (status: TrialRecord['status']): number => study.records.filter((r) => r.status === status && !study.expiredTrials.has(r.trial.id)).length;
  const best = study.objectives.length === 1 ? study.best() : undefined;
  return {
    name: study.name,
    optimizer: study.definition.optimizer as JsonValue,
    objectives: study.objectives.map((o) => `${o.name}:${o.direction === 'maximize' ? 'max' : 'min'}`),
    ok: count('ok'),
    failed: count('failed'),
    diverged: count('diverged'),
    expired: study.expiredTrials.size,
    late: study.late.length,
    pending: study.pending.map((t) => ({ id: t.id, worker: t.worker })),
    ...feasibility(study),
    best: best === undefined ? null : { id: best.trial.id, config: best.trial.config as JsonValue, objectives: best.objectives as JsonValue },
  };
}

function formatSummary(study: StoredStudy): string {
  const s = summary(study);
  const best = s['best'] as { id: number; config: JsonValue; objectives: JsonValue } | null;
  return formatTable([
    ['study', `${study.name} (${study.storage.location})`],
    ['optimizer', JSON.stringify(s['optimizer'])],
    ['objectives', (s['objectives'] as string[]).join(', ')],
    [
      'trials',
      `${s['ok']} ok, ${s['failed']} failed, ${s['diverged']} diverged, ${s['expired']} expired, ${s['late']} late results, ${(s['pending'] as unknown[]).length} pending`,
    ],
    ...(s['constraints'] !== undefined
      ? [
          [
            'constraints',
            `${(s['constraints'] as string[]).join('; ')}: ${s['feasible']} of ${s['ok']} ok trials satisfy them${s['feasible'] === 0 ? ' (no best yet)' : ''}`,
          ] as [string, string],
        ]
      : []),
    ...(best !== null
      ? [
          [
            s['constraints'] !== undefined ? 'best feasible' : 'best',
            `trial ${best.id}: ${JSON.stringify(best.objectives)} ${JSON.stringify(best.config)}`,
          ] as [string, string],
        ]
      : []),
  ]);
}

/** The study's constraints and how many of its ok trials satisfy them all; nothing for an unconstrained study. */
function feasibility(study: StoredStudy): Record<string, JsonValue> {
  if (study.constraints.length === 0) return {};
  const ok = study.records.filter((r) => r.status === 'ok' && !study.expiredTrials.has(r.trial.id));
  const feasible = ok.filter((r) => {
    const values = study.constraintValues(r);
    return values.length === study.constraints.length && values.every((c) => c <= 0);
  });
  return { constraints: study.constraints.map((c) => c.expression), feasible: feasible.length };
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CliError('usage', `--${flag} is needed (jahskit study --help)`, { parameter: flag });
  return value;
}
