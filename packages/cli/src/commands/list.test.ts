import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';
import { defaultModules } from '../defaultModules';
import { createRegistry } from '@jahskit/core';

describe('jahskit list', () => {
  test('lists every registered plugin with its options', async () => {
    const io = memoryIo();
    expect(await runCli(['list'], io)).toBe(0);
    const registry = createRegistry(defaultModules());
    const ids = [...registry.list('benchmark'), ...registry.list('optimizer')].map((d) => d.id);
    for (const id of ids) expect(io.out()).toContain(`  ${id} `);
    expect(io.out()).toMatch(/--instance: .*"branin"/);
  });

  test('--json is machine-readable', async () => {
    const io = memoryIo();
    expect(await runCli(['list', 'optimizers', '--json'], io)).toBe(0);
    const [optimizers] = JSON.parse(io.out());
    expect(optimizers.plugins.some((p: { id: string }) => p.id === 'rs')).toBe(true);
  });

  test('an unknown category is a usage error', async () => {
    const io = memoryIo();
    expect(await runCli(['list', 'widgets'], io)).toBe(2);
  });
});
