import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRegistry, Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { readRunResult } from '../analysis/readRunResult';
import { memoryIo } from '../cliFixtures';
import { defaultModules } from '../defaultModules';
import { runCli } from '../runCli';
import { BUILTIN_PROTOCOLS } from './builtinProtocols';
import { runBenchmarkOptions } from './resolveProtocolRun';

const registry = createRegistry(defaultModules());
/** The generated NAS-HPO-Bench-II pickles of the benchmarks package (official shapes, tiny content). */
const NASHPOBENCH2_FIXTURE_DIR = fileURLToPath(new URL('../../../benchmarks/src/nashpobench2/fixtures', import.meta.url));

describe('built-in protocols', () => {
  test('names are unique and every benchmark and option set is valid', async () => {
    expect(new Set(BUILTIN_PROTOCOLS.map((p) => p.name)).size).toBe(BUILTIN_PROTOCOLS.length);
    for (const protocol of BUILTIN_PROTOCOLS) {
      const descriptor = registry.get('benchmark', protocol.benchmark);
      expect(() => descriptor.options.parse(runBenchmarkOptions(protocol, 3)), protocol.name).not.toThrow();
      if (protocol.metric === 'hypervolume') {
        const objectives = protocol.benchmarkOptions['objectives'];
        expect(Array.isArray(objectives) && objectives.length === protocol.referencePoint?.length, protocol.name).toBe(true);
      }
      if (protocol.budget.meanEvaluations !== undefined) expect(protocol.meanEvaluationSeconds, protocol.name).toBeGreaterThan(0);
    }
  });

  // The budgets are stated in mean evaluation runtimes: the constants must be what they claim.
  test.each(BUILTIN_PROTOCOLS.filter((p) => p.meanEvaluationSeconds !== undefined && p.embedded).map((p) => [p.name, p] as const))(
    '%s: meanEvaluationSeconds is the mean full-fidelity runtime of 500 random configurations (seed 1)',
    async (_, protocol) => {
      const benchmark = await registry.createBenchmark(protocol.benchmark, runBenchmarkOptions(protocol, 0), { env: {} });
      try {
        const rng = Rng.seeded(1);
        const requests = Array.from({ length: 500 }, (_, i) => ({ config: benchmark.space.sample(rng), fidelity: benchmark.fidelitySpace.defaultConfiguration(), seed: i }));
        const costs = (await benchmark.evaluate(requests)).map((e) => e.cost);
        const mean = costs.reduce((a, b) => a + b, 0) / costs.length;
        if (protocol.seedOptions === undefined) expect(protocol.meanEvaluationSeconds! / mean).toBeCloseTo(1, 6);
        else expect(protocol.meanEvaluationSeconds! / mean).toBeGreaterThan(0.2);
      } finally {
        await benchmark.close?.();
      }
    },
  );

  test('nashpobench2: regret at 12 epochs, and the 12- and 200-epoch test accuracy of the chosen configuration', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-protocol-'));
    const io = { ...memoryIo('', cwd), env: { CI: '1', JAHSKIT_NASHPOBENCH2_DIR: NASHPOBENCH2_FIXTURE_DIR } };
    expect(await runCli(['compare', '--protocols', 'nashpobench2', '--optimizers', 'rs', '--seeds', '2', '--threads', '1', '--quiet', '--out', 'n'], io)).toBe(0);
    const run = readRunResult(join(cwd, 'n', 'nashpobench2', 'rs', 'seed0.jsonl'))!;
    expect(run.header.benchmark).toBe('nashpobench2@12');
    expect(run.records.length).toBeLessThanOrEqual(500);
    expect(run.end.simulatedSeconds).toBeLessThanOrEqual(20_000);
    expect(run.records.every((r) => r.fidelity['epoch'] === 12)).toBe(true);
    const incumbent = run.end.incumbent!;
    expect(incumbent.value).toBeGreaterThanOrEqual(0);
    expect(Object.keys(incumbent.extras)).toEqual(['test accuracy @12 epochs (%)', 'test accuracy @200 epochs (%)']);
    const [at12, at200] = await (await registry.createBenchmark('nashpobench2', {}, { env: { JAHSKIT_NASHPOBENCH2_DIR: NASHPOBENCH2_FIXTURE_DIR } })).evaluate([
      { config: incumbent.config, fidelity: { epoch: 12 }, seed: 0 },
      { config: incumbent.config, fidelity: { epoch: 200 }, seed: 0 },
    ]);
    expect(incumbent.extras['test accuracy @12 epochs (%)']).toBe(at12!.metrics['test_acc']);
    expect(incumbent.extras['test accuracy @200 epochs (%)']).toBe(at200!.metrics['test_acc']);
    expect(io.out()).toMatch(/regret of validation accuracy \(percentage points\)/);
  });
});
