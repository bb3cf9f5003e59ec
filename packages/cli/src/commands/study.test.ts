import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliIn, flagArgs, freshDir, type Flags } from '../cliRunFixtures';

const SPACE = {
  name: 'demo',
  hyperparameters: [
    { name: 'lr', type: 'uniform_float', lower: 0.0001, upper: 0.1, log: true, default: 0.01 },
    { name: 'layers', type: 'uniform_int', lower: 1, upper: 4, log: false, default: 2 },
  ],
  conditions: [],
  forbiddens: [],
  json_format_version: 0.4,
};

function workspace() {
  const cwd = freshDir('study');
  writeFileSync(join(cwd, 'space.json'), JSON.stringify(SPACE));
  const storage = `file:${join(cwd, 'study.jsonl')}`;
  const cli = (...args: string[]) => cliIn(cwd, ['study', ...args]);
  /** `create` of study "s" over space.json minimising loss by random search; `flags` replace these or come after them. */
  const create = (flags: Flags = {}) => ['create', ...flagArgs({ storage, name: 's', space: 'space.json', objectives: 'loss', optimizer: 'rs', ...flags })];
  return { cwd, storage, cli, create };
}

describe('jahskit study', () => {
  test('create, ask, tell, show: a shell-driven loop', async () => {
    const { storage, cli, create } = workspace();
    const created = await cli(...create({ seed: 7 }));
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/created study "s"/);
    for (let i = 0; i < 3; i++) {
      const asked = await cli('ask', '--storage', storage, '--name', 's', '--worker', 'w1');
      expect(asked.code).toBe(0);
      const trial = JSON.parse(asked.out) as { id: number; config: { lr: number } };
      expect(trial.id).toBe(i);
      const told = await cli('tell', '--storage', storage, '--name', 's', '--trial', String(trial.id), '--values', String(trial.config.lr));
      expect(told).toMatchObject({ code: 0, out: 'recorded\n' });
    }
    const again = await cli('tell', '--storage', storage, '--name', 's', '--trial', '0', '--values', '1');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already told/);
    const shown = await cli('show', '--storage', storage, '--name', 's', '--json');
    expect(JSON.parse(shown.out)).toMatchObject({ name: 's', ok: 3, failed: 0, pending: [] });
    expect((await cli('list', '--storage', storage)).out).toBe('s\n');
  });

  test('a shell loop gets the trials one uninterrupted study would', async () => {
    const a = workspace();
    const b = workspace();
    const flags = { optimizer: 'tpe', seed: 3 };
    await a.cli(...a.create(flags));
    await b.cli(...b.create(flags));
    const loop = async (w: typeof a, workers: string[]) => {
      const configs: unknown[] = [];
      for (let i = 0; i < 12; i++) {
        const trial = JSON.parse((await w.cli('ask', '--storage', w.storage, '--name', 's', '--worker', workers[i % workers.length]!)).out) as {
          id: number;
          config: { lr: number; layers: number };
        };
        configs.push(trial.config);
        await w.cli(
          'tell',
          '--storage',
          w.storage,
          '--name',
          's',
          '--trial',
          String(trial.id),
          '--values',
          String(Math.log(trial.config.lr) ** 2 + trial.config.layers),
        );
      }
      return configs;
    };
    expect(await loop(a, ['w1'])).toEqual(await loop(b, ['x', 'y', 'z']));
  });

  test('bad input: one line, a usage or input exit code, and nothing changed', async () => {
    const { storage, cli, cwd, create } = workspace();
    await cli(...create());
    const journal = () => readFileSync(join(cwd, 'study.jsonl'), 'utf8');
    const before = journal();
    const cases: [string[], number, RegExp][] = [
      [['ask', '--storage', storage, '--name', 'nope'], 1, /no study "nope".*studies there: s/],
      [create({ optimizer: 'tpe' }), 1, /already exists .* another optimizer/],
      [create({ objectives: 'loss,acc:max' }), 1, /already exists .* objectives/],
      [['tell', '--storage', storage, '--name', 's', '--trial', '5', '--values', '1'], 1, /not a pending trial/],
      [['tell', '--storage', storage, '--name', 's', '--trial', '0', '--values', 'abc'], 2, /--values must be 1 finite number/],
      [['ask', '--storage', 'ftp://x', '--name', 's'], 1, /unknown storage/],
      [['frobnicate', '--storage', storage], 2, /needs one of create, ask/],
      [create({ name: 't', objectives: undefined }), 2, /--objectives is needed/],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.err, args.join(' ')).toMatch(message);
      expect(result.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(journal()).toBe(before);
  });

  test('a study over a benchmark takes its spaces and objectives from the benchmark', async () => {
    const { storage, cli, create } = workspace();
    expect((await cli(...create({ name: 'nb', space: 'nb201', objectives: undefined, optimizer: 're', seed: 1 }))).code).toBe(0);
    const trial = JSON.parse((await cli('ask', '--storage', storage, '--name', 'nb')).out) as {
      config: Record<string, string>;
      fidelity: Record<string, number>;
    };
    expect(Object.keys(trial.config)).toHaveLength(6);
    expect(trial.fidelity).toEqual({ epoch: 200 });
  });

  test('create --constraint records the expressions in the journal; reopening compiles them; show reports feasibility', async () => {
    const { storage, cli, cwd, create } = workspace();
    const hw = { name: 'hw', space: 'nb201', objectives: undefined, constraint: ['latency_s <= 0.0047169267', 'params_mb < 1'] };
    expect((await cli(...create(hw))).code).toBe(0);
    const [first] = readFileSync(join(cwd, 'study.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { spec?: { constraints?: string[]; metrics?: string[] } });
    expect(first!.spec!.constraints).toEqual(['latency_s <= 0.0047169267', 'params_mb < 1']);
    expect(first!.spec!.metrics).toEqual(['params_mb', 'flops_m', 'latency_s', 'valid_acc', 'test_acc']);
    // Trial 0 breaks the latency bound with the better value; trial 1 satisfies both.
    const tells: [string, string][] = [
      ['5', '{"latency_s": 0.009, "params_mb": 0.5}'],
      ['9', '{"latency_s": 0.003, "params_mb": 0.5}'],
      ['7', '{"latency_s": 0.003, "params_mb": 2}'],
    ];
    for (const [value, metrics] of tells) {
      const trial = JSON.parse((await cli('ask', '--storage', storage, '--name', 'hw')).out) as { id: number };
      expect((await cli('tell', '--storage', storage, '--name', 'hw', '--trial', String(trial.id), '--values', value, '--metrics', metrics)).code).toBe(0);
    }
    const shown = JSON.parse((await cli('show', '--storage', storage, '--name', 'hw', '--json')).out) as {
      ok: number;
      feasible: number;
      constraints: string[];
      best: { id: number };
    };
    expect(shown).toMatchObject({ ok: 3, feasible: 1, constraints: ['latency_s <= 0.0047169267', 'params_mb < 1'], best: { id: 1 } });
    const text = (await cli('show', '--storage', storage, '--name', 'hw')).out;
    expect(text).toMatch(/constraints\s+latency_s <= 0.0047169267; params_mb < 1: 1 of 3 ok trials satisfy them/);
    expect(text).toMatch(/best feasible\s+trial 1:/);
    // The same command opens it; other constraints are another study.
    expect((await cli(...create(hw))).out).toMatch(/opened existing study/);
    const other = await cli(...create({ ...hw, constraint: ['latency_s <= 0.0047169267'] }));
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/already exists .* another list of constraints/);
  });

  test('a bad --constraint exits 2 with one line naming it and the known names, and creates nothing', async () => {
    const { cli, cwd, create } = workspace();
    const bad = await cli(...create({ constraint: 'los <= 1' }));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--constraint "los <= 1": unknown name "los" \(known: loss\)/);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(cwd, 'study.jsonl')) ? readFileSync(join(cwd, 'study.jsonl'), 'utf8') : '').toBe('');
  });

  test('export as JSON lines gives the journal entries', async () => {
    const { storage, cli, create } = workspace();
    await cli(...create());
    await cli('ask', '--storage', storage, '--name', 's');
    const lines = (await cli('export', '--storage', storage, '--name', 's', '--format', 'jsonl')).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { op: string; seq: number });
    expect(lines.map((l) => [l.seq, l.op])).toEqual([
      [0, 'create'],
      [1, 'ask'],
    ]);
  });
});
