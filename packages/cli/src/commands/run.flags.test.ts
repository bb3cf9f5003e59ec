import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliIn, freshDir, printedJson } from '../cliRunFixtures';

async function usage(argv: string[]): Promise<string> {
  const misused = await cliIn(freshDir('run-flags'), argv);
  expect(misused.code).toBe(2);
  expect(misused.out).toBe('');
  return misused.err;
}

describe('jahskit run: plugin options as flags', () => {
  test('--eta 3 is --optimizer-options {"eta": 3}: the same run file', async () => {
    const byFlags = freshDir('run-flags');
    const byJson = freshDir('run-flags');
    const argv = ['run', '--benchmark', 'synthetic', '--optimizer', 'hyperband', '--budget', '12', '--quiet'];
    expect((await cliIn(byFlags, [...argv, '--eta', '3', '--min-budget', '3', '--noise', '0.5'])).code).toBe(0);
    expect((await cliIn(byJson, [...argv, '--optimizer-options', '{"eta": 3, "minBudget": 3}', '--benchmark-options', '{"noise": 0.5}'])).code).toBe(0);
    const file = 'synthetic-branin-hyperband-seed0.jsonl';
    expect(readFileSync(join(byFlags, 'runs', file), 'utf8')).toBe(readFileSync(join(byJson, 'runs', file), 'utf8'));
    expect(readFileSync(join(byFlags, 'runs', file), 'utf8')).toContain('"eta":3');
  });

  // `prior` takes true or a configuration, so it is given a value; `multivariate` is a plain boolean, set by presence.
  test('values are converted by the schema: JSON where the option takes it, else the text; booleans by presence', async () => {
    const cwd = freshDir('run-flags');
    const argv = [
      'run',
      '--benchmark',
      'synthetic',
      '--optimizer',
      'tpe',
      '--budget',
      '3',
      '--quiet',
      '--gamma',
      'auto',
      '--no-multivariate',
      '--prior',
      'true',
      '--startup-trials',
      '2',
    ];
    expect((await cliIn(cwd, argv)).code).toBe(0);
    const text = readFileSync(join(cwd, 'runs', 'synthetic-branin-tpe-seed0.jsonl'), 'utf8').split('\n')[0]!;
    expect(text).toContain('"gamma":"auto"');
    expect(text).toContain('"multivariate":false');
    expect(text).toContain('"prior":true');
    expect(text).toContain('"startupTrials":2');
  });

  test('a value the option does not take, the same option twice, an option of no named plugin: usage errors naming the flag', async () => {
    const base = ['run', '--benchmark', 'synthetic', '--optimizer', 'hyperband', '--budget', '3'];
    expect(await usage([...base, '--eta', 'x'])).toBe('jahskit run: --eta (optimizer hyperband) must be number (> 1), got "x"\n');
    expect(await usage([...base, '--eta', '-1'])).toMatch(/^jahskit run: .*eta/);
    expect(await usage([...base, '--eta', '3', '--optimizer-options', '{"eta": 2}'])).toBe(
      'jahskit run: --eta and --optimizer-options both set "eta": give one of them\n',
    );
    expect(await usage([...base, '--minBudget', '3', '--min-budget', '3'])).toBe(
      'jahskit run: --minBudget and --min-budget both set "minBudget": give one of them\n',
    );
    expect(await usage([...base, '--population', '3'])).toMatch(
      /^jahskit run: Unknown option '--population'; options: --benchmark <value>, .*, --eta <value>, /,
    );
    // An unknown optimizer: the unknown flag is the error, as before plugins were looked up.
    expect(await usage(['run', '--optimizer', 'zz', '--eta', '3'])).toMatch(/^jahskit run: Unknown option '--eta'; options: --benchmark <value>/);
  });
});

describe('jahskit run --json', () => {
  test('one JSON document: the run, its stop reason, counts and the best trial; no progress bar', async () => {
    const cwd = freshDir('run-flags');
    const argv = ['run', '--benchmark', 'synthetic', '--optimizer', 'rs', '--budget', '10', '--seed', '3', '--json'];
    const ran = await cliIn(cwd, argv);
    expect(ran.err).toBe('');
    const doc = printedJson(ran);
    expect(doc).toMatchObject({
      benchmark: 'synthetic/branin',
      optimizer: 'rs',
      seed: 3,
      workers: 1,
      mode: 'async',
      results: join('runs', 'synthetic-branin-rs-seed3.jsonl'),
      status: 'ran',
      stopReason: 'evaluations',
      trials: 10,
      ok: 10,
      failed: 0,
    });
    expect(doc['best']).toMatchObject({ objective: 'y', value: expect.any(Number), regret: expect.any(Number), config: expect.any(Object) });
    expect(printedJson(await cliIn(cwd, argv))).toMatchObject({ status: 'finished-before', trials: 10 });
  });

  test('a multi-objective run lists its non-dominated trials', async () => {
    const argv = ['run', '--benchmark', 'synthetic', '--instance', 'zdt1', '--optimizer', 'rs', '--budget', '8', '--json'];
    const doc = printedJson<{ nonDominated: { trial: unknown; objectives: Record<string, number> }[] }>(await cliIn(freshDir('run-flags'), argv));
    expect(doc.nonDominated.length).toBeGreaterThan(0);
    expect(Object.keys(doc.nonDominated[0]!.objectives)).toHaveLength(2);
  });
});
