import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';
import { runOptunaScript } from '@jahskit/storage/testing';

// Two studies written with Optuna's own ask/tell: a define-by-run space (momentum only for sgd), a
// failed, a pruned, an infinite and a still-running trial; and a two-objective study. Prints what
// Optuna sees, to compare with what was imported.
const WRITE = `
warnings.simplefilter("ignore")
from optuna.trial import TrialState
storage = optuna.storages.JournalStorage(Backend(sys.argv[1]))
s = optuna.create_study(study_name="tune", storage=storage, direction="minimize", sampler=optuna.samplers.RandomSampler(seed=1))
storage.set_study_system_attr(s._study_id, "study:metric_names", ["loss"])
for i in range(9):
    t = s.ask()
    lr = t.suggest_float("lr", 1e-4, 1e-1, log=True)
    layers = t.suggest_int("layers", 1, 4)
    drop = t.suggest_float("dropout", 0.0, 0.5, step=0.1)
    t.suggest_int("batch", 16, 64, step=16)
    if t.suggest_categorical("optimizer", ["sgd", "adam", None]) == "sgd":
        t.suggest_float("momentum", 0.5, 0.99)
    if i == 2:
        s.tell(t, state=TrialState.FAIL)
    elif i == 3:
        s.tell(t, state=TrialState.PRUNED)
    elif i == 4:
        s.tell(t, float("inf"))
    else:
        s.tell(t, lr * layers + drop)
s.ask()
p = optuna.create_study(study_name="pareto", storage=storage, directions=["minimize", "maximize"], sampler=optuna.samplers.RandomSampler(seed=2))
for i in range(4):
    t = p.ask()
    x = t.suggest_float("x", -1, 1)
    p.tell(t, [x * x, x])
print(json.dumps([{"number": t.number, "state": t.state.name.lower(), "params": t.params, "values": t.values} for t in s.trials]))
`;

interface OptunaTrialView {
  readonly number: number;
  readonly state: string;
  readonly params: Record<string, unknown>;
  readonly values: number[] | null;
}

interface Recorded {
  readonly trial: { readonly id: number; readonly config: Record<string, unknown> };
  readonly status: string;
  readonly objectives: Record<string, number>;
  readonly metrics: Record<string, number>;
}

function workspace() {
  const cwd = mkdtempSync(join(tmpdir(), 'jahskit-import-'));
  const storage = `file:${join(cwd, 'studies.jsonl')}`;
  const cli = async (...args: string[]) => {
    const io = memoryIo('', cwd);
    const code = await runCli(['study', ...args], io);
    return { code, out: io.out(), err: io.err() };
  };
  /** The told results of a study's journal, with the trials they answer. */
  const records = async (name: string): Promise<Recorded[]> => {
    const { openStorage } = await import('@jahskit/storage');
    const store = openStorage(storage, { cwd });
    try {
      const entries = await store.read(name, -1);
      const asked = new Map(entries.flatMap((e) => (e.op === 'ask' ? e.trials.map((t) => [t.id, t] as const) : [])));
      return entries.flatMap((e) =>
        e.op === 'tell'
          ? [{ trial: asked.get(e.result.trialId) as Recorded['trial'], status: e.result.status, objectives: e.result.objectives, metrics: e.result.metrics }]
          : [],
      );
    } finally {
      await store.close();
    }
  };
  return { cwd, storage, cli, records, journal: () => readFileSync(join(cwd, 'studies.jsonl'), 'utf8') };
}

describe('jahskit study import --format optuna-journal', () => {
  let dir: string;
  let views: OptunaTrialView[] = [];
  let skipped = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jahskit-optuna-'));
    const run = runOptunaScript(WRITE, [join(dir, 'optuna.log')], 'write the journal');
    if ('missing' in run) {
      skipped = run.missing;
      return;
    }
    views = JSON.parse(run.stdout.replace(/\bInfinity\b/g, '1e999')) as OptunaTrialView[];
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const journalPath = () => {
    if (views.length === 0) throw new Error(skipped);
    return join(dir, 'optuna.log');
  };

  test('every finished trial is recorded with Optuna’s params and values; the study goes on from them', async () => {
    const log = journalPath();
    const w = workspace();
    const imported = await w.cli('import', '--storage', w.storage, '--name', 'warm', '--format', 'optuna-journal', '--optuna-study', 'tune', log);
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(`imported 9 trials of Optuna study "tune" into study "warm" in ${w.storage}: 6 ok, 2 failed, 1 diverged; optimizer tpe\n`);
    expect(imported.err).toMatch(/^note: 1 Optuna trials have no result and were not imported: 9 \(running\)\n/);
    expect(imported.err).toMatch(/note: conditions read off the trials: momentum \| optimizer in \{"sgd"\}\n$/);

    const records = await w.records('warm');
    const finished = views.filter((v) => v.state !== 'running');
    expect(records.map((r) => r.trial.id)).toEqual(finished.map((_, i) => i));
    for (const [i, view] of finished.entries()) {
      const record = records[i] as Recorded;
      // Python's None is the choice "None" in jahskit.
      expect(record.trial.config).toEqual(Object.fromEntries(Object.entries(view.params).map(([k, v]) => [k, v ?? 'None'])));
      expect(record.metrics['optuna_number']).toBe(view.number);
      const expected = view.state === 'complete' ? (Number.isFinite(view.values?.[0]) ? 'ok' : 'diverged') : 'failed';
      expect(record.status).toBe(expected);
      if (expected === 'ok') expect(record.objectives).toEqual({ loss: view.values?.[0] });
    }

    const shown = JSON.parse((await w.cli('show', '--storage', w.storage, '--name', 'warm', '--json')).out);
    expect(shown).toMatchObject({ ok: 6, failed: 2, diverged: 1, pending: [], objectives: ['loss:min'], optimizer: { id: 'tpe' } });
    const best = finished
      .filter((v) => v.state === 'complete' && Number.isFinite(v.values?.[0]))
      .sort((a, b) => (a.values?.[0] as number) - (b.values?.[0] as number))[0];
    expect(shown.best.objectives).toEqual({ loss: best?.values?.[0] });

    // The optimizer proposes after the imported trials, and its trials are told as any other.
    const asked = await w.cli('ask', '--storage', w.storage, '--name', 'warm');
    const next = JSON.parse(asked.out) as { id: number; config: Record<string, unknown> };
    expect(next.id).toBe(9);
    expect(Object.keys(next.config)).toEqual(expect.arrayContaining(['lr', 'layers', 'dropout', 'batch', 'optimizer']));
    expect(await w.cli('tell', '--storage', w.storage, '--name', 'warm', '--trial', '9', '--values', '0.25')).toMatchObject({ code: 0, out: 'recorded\n' });
  });

  test('several objectives: directions and Optuna’s column names, motpe by default', async () => {
    const log = journalPath();
    const w = workspace();
    const imported = await w.cli('import', '--storage', w.storage, '--name', 'mo', '--format', 'optuna-journal', '--optuna-study', 'pareto', log);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/: 4 ok, 0 failed, 0 diverged; optimizer motpe\n$/);
    const shown = JSON.parse((await w.cli('show', '--storage', w.storage, '--name', 'mo', '--json')).out);
    expect(shown).toMatchObject({ ok: 4, objectives: ['values_0:min', 'values_1:max'] });
    for (const r of await w.records('mo')) {
      const x = r.trial.config['x'] as number;
      expect(r.objectives).toEqual({ values_0: x * x, values_1: x });
    }
  });

  test('bad input is one line, exit non-zero, and the storage is left as it was', async () => {
    const log = journalPath();
    const w = workspace();
    await w.cli('import', '--storage', w.storage, '--name', 'taken', '--format', 'optuna-journal', '--optuna-study', 'pareto', log);
    const before = w.journal();
    writeFileSync(join(w.cwd, 'notes.txt'), 'name,value\nlr,0.1\n');
    const cases: [string[], number, RegExp][] = [
      [[log], 1, /^jahskit study: ".*optuna\.log": the Optuna journal holds 2 studies; name the one to read: "tune", "pareto" \(--optuna-study\)$/],
      [
        ['--optuna-study', 'gone', log],
        1,
        /^jahskit study: ".*optuna\.log": the Optuna journal holds no study named "gone"; it holds "tune", "pareto" \(--optuna-study\)$/,
      ],
      [['notes.txt'], 1, /^jahskit study: "notes\.txt": Optuna journal line 1: expected one JSON operation per line, got text that is not JSON/],
      [
        [w.storage.slice('file:'.length)],
        1,
        /^jahskit study: ".*studies\.jsonl": Optuna journal line 1: expected an Optuna journal operation with "op_code", got a jahskit journal entry/,
      ],
      [['missing.log'], 1, /^jahskit study: FILE "missing\.log": cannot read it \(ENOENT\)$/],
      [['--optuna-study', 'tune', log, '--name', 'taken'], 1, /^jahskit study: study "taken" already exists in file:.*; import into a new --name$/],
      [[], 2, /^jahskit study: jahskit study import takes one FILE \(an Optuna journal\), got none$/],
    ];
    for (const [args, code, line] of cases) {
      const result = await w.cli('import', '--storage', w.storage, '--name', 'fresh', '--format', 'optuna-journal', ...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.out).toBe('');
      expect(result.err.split('\n')).toHaveLength(2);
      expect(result.err.trimEnd()).toMatch(line);
    }
    const format = await w.cli('import', '--storage', w.storage, '--name', 'fresh', '--format', 'csv', log);
    expect(format).toMatchObject({ code: 2, err: 'jahskit study: --format must be one of optuna-journal, got "csv"\n' });
    expect(w.journal()).toBe(before);
    expect((await w.cli('list', '--storage', w.storage)).out).toBe('taken\n');
  });
});

describe('study export --format optuna-journal, then import: the same trials', () => {
  test('configurations, states and values survive the trip, conditional parameters included', async () => {
    const w = workspace();
    writeFileSync(
      join(w.cwd, 'space.json'),
      JSON.stringify({
        hyperparameters: [
          { name: 'opt', type: 'categorical', choices: ['sgd', 'adam'], default: 'adam' },
          { name: 'lr', type: 'uniform_float', lower: 0.0001, upper: 0.1, log: true, default: 0.01 },
          { name: 'momentum', type: 'uniform_float', lower: 0, upper: 0.9, log: false, default: 0.5 },
          { name: 'layers', type: 'uniform_int', lower: 1, upper: 4, log: false, default: 2 },
        ],
        conditions: [{ child: 'momentum', parent: 'opt', type: 'EQ', value: 'sgd' }],
        forbiddens: [],
        json_format_version: 0.4,
      }),
    );
    const base = ['--storage', w.storage];
    expect((await w.cli('create', ...base, '--name', 'orig', '--space', 'space.json', '--objectives', 'loss', '--optimizer', 'rs', '--seed', '5')).code).toBe(
      0,
    );
    for (let i = 0; i < 12; i++) {
      const trial = JSON.parse((await w.cli('ask', ...base, '--name', 'orig')).out) as { id: number; config: { lr: number; layers: number } };
      const told = i === 4 ? ['--failed'] : ['--values', String(trial.config.lr * trial.config.layers)];
      expect((await w.cli('tell', ...base, '--name', 'orig', '--trial', String(trial.id), ...told)).code).toBe(0);
    }
    expect((await w.cli('export', ...base, '--name', 'orig', '--format', 'optuna-journal', '--out', 'orig.log')).code).toBe(0);
    expect((await w.cli('import', ...base, '--name', 'copy', '--format', 'optuna-journal', 'orig.log')).code).toBe(0);
    const strip = (records: Recorded[]) => records.map((r) => ({ id: r.trial.id, config: r.trial.config, status: r.status, objectives: r.objectives }));
    const original = strip(await w.records('orig'));
    const copy = strip(await w.records('copy'));
    expect(original.some((r) => 'momentum' in r.config) && original.some((r) => !('momentum' in r.config))).toBe(true);
    expect(copy).toEqual(original);
  });
});
