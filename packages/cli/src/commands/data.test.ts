import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

describe('jahskit data check', () => {
  test('reports each benchmark with its checksums, and what is missing', async () => {
    const io = memoryIo();
    expect(await runCli(['data', 'check'], io)).toBe(0);
    expect(io.out()).toMatch(/^nb201\s+ok\s+bundled table/m);
    expect(io.out()).toMatch(/nb201\.bin\s+SHA-256 [0-9a-f]{64}/);
    expect(io.out()).toMatch(/^nb301\s+ok/m);
    expect(io.out()).toMatch(/^jahs\s+ok/m);
    expect(io.out()).toMatch(/^nashpobench2\s+MISSING\s+.*JAHSKIT_NASHPOBENCH2_DIR/m);
  });

  test('asking about one benchmark whose data is missing exits non-zero', async () => {
    const io = memoryIo();
    expect(await runCli(['data', 'check', '--benchmark', 'nashpobench2'], io)).toBe(1);
  });

  test('an unknown sub-command is a usage error', async () => {
    expect(await runCli(['data', 'fetch'], memoryIo())).toBe(2);
  });
});
