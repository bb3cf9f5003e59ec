import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CoreError,
  MemoryStorage,
  sameConfiguration,
  StoredStudy,
  type Configuration,
  type JsonValue,
  type JournalOp,
  type PluginRegistry,
  type StudyStorage,
} from '@jahskit/core';
import { ConfigurationSpace, equalsCondition, inCondition, writeConfigSpaceJson } from '@jahskit/spaces';
import type { CliIo } from '../Command';
import { CliError } from '../commandLineError';
import { loadStorage } from '../loadStorage';
import { quoteValue } from '../quoteValue';
import { partsFor } from './openCliStudy';
import { problemFromSource } from './studyProblem';

export interface OptunaImportOptions {
  /** The Optuna study to read when the journal holds several. */
  readonly optunaStudy?: string;
  /** Default: tpe for one objective, motpe for several. */
  readonly optimizer?: string;
  readonly optimizerOptions: JsonValue;
  readonly seed: number;
  readonly graceSeconds: number;
  readonly worker: string;
}

/**
 * `jahskit study import --format optuna-journal FILE`: one study of an Optuna JournalStorage log
 * becomes the jahskit study `name`, whose space comes from Optuna's distributions (with conditions
 * where trials lack parameters, see `planOptunaImport`) and whose first trials are Optuna's finished
 * ones, asked and told (see WarmStartOptimizer), so that its optimizer goes on from them.
 *
 * The whole journal is built and replayed in memory first, then appended in one transaction that
 * refuses an existing study: a bad file, a bad choice of study or a taken name changes nothing.
 */
export async function importOptunaStudy(
  storage: StudyStorage,
  name: string,
  file: string,
  options: OptunaImportOptions,
  registry: PluginRegistry,
  io: CliIo,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new CliError('input', `FILE ${quoteValue(file)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {
      parameter: 'FILE',
    });
  }
  const refuseExisting = (entries: readonly unknown[]): void => {
    if (entries.length > 0)
      throw new CliError('input', `study "${name}" already exists in ${storage.location}; import into a new --name`, {
        parameter: 'name',
        allowed: 'a name the storage does not hold',
      });
  };
  refuseExisting(await storage.read(name, -1));

  const { fromOptunaJournal, planOptunaImport } = await loadStorage();
  const fromFile = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (!CoreError.is(error)) throw error;
      const flag = error.parameter === 'study' ? 'optuna-study' : 'FILE';
      const hint = flag === 'optuna-study' ? ' (--optuna-study)' : '';
      throw new CliError('input', `${quoteValue(file)}: ${error.message}${hint}`, {
        parameter: flag,
        ...(error.allowed !== undefined ? { allowed: error.allowed } : {}),
        cause: error,
      });
    }
  };
  const data = fromFile(() => fromOptunaJournal(text, options.optunaStudy));
  const plan = fromFile(() => planOptunaImport(data));

  const space = new ConfigurationSpace({
    name: data.name,
    parameters: plan.parameters,
    conditions: plan.conditions.map((c) =>
      c.values.length === 1 ? equalsCondition(c.child, c.parent, c.values[0] as never) : inCondition(c.child, c.parent, c.values),
    ),
  });
  const configs: Configuration[] = plan.trials.map((t) => {
    try {
      return space.validate(t.config);
    } catch (error) {
      throw new CliError(
        'input',
        `${quoteValue(file)}: Optuna trial ${t.number} does not fit the space read from the study's distributions: ${(error as Error).message}`,
        { parameter: 'FILE', cause: error },
      );
    }
  });
  const optimizer = options.optimizer ?? (plan.objectives.length === 1 ? 'tpe' : 'motpe');
  registry.get('optimizer', optimizer);
  const source: JsonValue = {
    configspace: writeConfigSpaceJson(space),
    warmStart: { from: 'optuna-journal', study: data.name, configs: configs as JsonValue },
  };

  // Built through the same path every later process opens the study by, so the journal surely replays.
  const problem = await problemFromSource(source, registry, io.env);
  const memory = new MemoryStorage();
  const study = await StoredStudy.create({
    storage: memory,
    name,
    worker: options.worker,
    space: problem.space,
    fidelitySpace: problem.fidelitySpace,
    objectives: plan.objectives,
    optimizer: { id: optimizer, options: options.optimizerOptions },
    seed: options.seed,
    source,
    graceSeconds: options.graceSeconds,
    parts: partsFor(problem, registry),
  });
  for (const [i, t] of plan.trials.entries()) {
    const [trial] = await study.ask(1);
    if (trial === undefined || trial.id !== i || !sameConfiguration(trial.config, configs[i] as Configuration)) {
      throw new CliError('input', `Optuna trial ${t.number} could not be recorded as trial ${i}`, { parameter: 'FILE' });
    }
    await study.tell({ trialId: trial.id, status: t.status, objectives: t.objectives, metrics: t.metrics, cost: t.cost });
  }
  const ops = (await memory.read(name, -1)).map(({ seq: _seq, ...op }) => op as JournalOp);
  await storage.transact(name, -1, (entries) => {
    refuseExisting(entries);
    return { append: ops, result: undefined };
  });

  const count = (status: string) => plan.trials.filter((t) => t.status === status).length;
  io.stdout(
    `imported ${plan.trials.length} trials of Optuna study "${data.name}" into study "${name}" in ${storage.location}: ${count('ok')} ok, ${count('failed')} failed, ${count('diverged')} diverged; optimizer ${optimizer}\n`,
  );
  if (plan.skipped.length > 0) {
    const numbers = plan.skipped.map((s) => `${s.number} (${s.state})`);
    io.stderr(
      `note: ${plan.skipped.length} Optuna trials have no result and were not imported: ${numbers.slice(0, 20).join(', ')}${numbers.length > 20 ? ', ...' : ''}\n`,
    );
  }
  if (plan.conditions.length > 0) {
    io.stderr(
      `note: conditions read off the trials: ${plan.conditions.map((c) => `${c.child} | ${c.parent} in {${c.values.map((v) => JSON.stringify(v)).join(', ')}}`).join('; ')}\n`,
    );
  }
  return 0;
}
