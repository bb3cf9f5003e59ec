import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { dataFilesAt } from '@jahskit/benchmarks/nb201';
import { memoryIo } from '../cliFixtures';
import { RunContext } from '../compare/RunContext';
import { runCli } from '../runCli';
import { playgroundRegistry } from './playgroundRegistry';
import { playgroundStudy, type PlaygroundStudySpec } from './playgroundStudy';

const data = fileURLToPath(new URL('../../../benchmarks/data/', import.meta.url));
const context = new RunContext(
  playgroundRegistry((id) => dataFilesAt(join(data, id))),
  {},
);
const out = mkdtempSync(join(tmpdir(), 'jahskit-playground-'));
afterAll(async () => {
  await context.close();
  rmSync(out, { recursive: true, force: true });
});

/** `jahskit run` with the same study, writing its run file into out/runs/. */
async function runInCli(spec: PlaygroundStudySpec, flags: readonly string[]): Promise<void> {
  const io = memoryIo('', out);
  const budget = 'evaluations' in spec.budget ? String(spec.budget.evaluations) : `${spec.budget.simulatedSeconds}s`;
  const argv = [
    'run',
    '--benchmark',
    spec.benchmark,
    '--optimizer',
    spec.optimizer,
    '--seed',
    String(spec.seed),
    '--budget',
    budget,
    '--workers',
    String(spec.workers),
    '--quiet',
    ...flags,
  ];
  expect(await runCli(argv, io), io.err()).toBe(0);
}

describe('playgroundStudy', () => {
  test.each([
    [
      'nb201, random search (regret)',
      { benchmark: 'nb201', benchmarkOptions: {}, optimizer: 'rs', seed: 3, budget: { evaluations: 50 }, workers: 1 },
      [],
      'nb201-cifar10-rs-seed3',
    ],
    [
      'Branin, Hyperband on 4 workers (multi-fidelity)',
      { benchmark: 'synthetic', benchmarkOptions: { instance: 'branin' }, optimizer: 'hyperband', seed: 5, budget: { simulatedSeconds: 400 }, workers: 4 },
      ['--instance', 'branin'],
      'synthetic-branin-hyperband-seed5',
    ],
    [
      'ZDT1, NSGA-II (hypervolume, true front)',
      { benchmark: 'synthetic', benchmarkOptions: { instance: 'zdt1', maxEpoch: 1 }, optimizer: 'nsga2', seed: 1, budget: { evaluations: 30 }, workers: 1 },
      ['--benchmark-options', '{"instance":"zdt1","maxEpoch":1}'],
      'synthetic-zdt1-nsga2-seed1',
    ],
  ] as const)("%s: the lines of the CLI's run file, byte for byte", async (_, given, flags, name) => {
    const spec: PlaygroundStudySpec = { ...given, optimizerOptions: {} };
    const lines: string[] = [];
    const records: number[] = [];
    await playgroundStudy(spec, context, (line, record) => {
      lines.push(line);
      if (record !== undefined) records.push(record.trial.id);
    });
    await runInCli(spec, flags);
    const cli = readFileSync(join(out, 'runs', `${name}.jsonl`), 'utf8').split('\n');
    // The first line that differs, rather than two files of long lines.
    const first = cli.findIndex((line, i) => line !== (lines[i] ?? ''));
    expect(first === -1 ? undefined : { line: first, playground: lines[first], cli: cli[first] }).toBeUndefined();
    expect(lines).toHaveLength(cli.length - 1);
    expect(records).toHaveLength(lines.length - 2);
  });
});
