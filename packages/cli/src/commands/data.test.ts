import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  test('an invalid manifest is INVALID, with what is wrong in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-data-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'jahskit-onnx-surrogate/1', model: { file: 3 } }));
    const io = memoryIo();
    expect(await runCli(['data', 'check', '--benchmark', 'onnx-surrogate', '--benchmark-options', JSON.stringify({ dir })], io)).toBe(1);
    const [line, file] = io.out().trim().split('\n');
    expect(line).toMatch(/^onnx-surrogate\s+INVALID\s+\S+manifest\.json: model\.file: expected string, received number; configSpace: /);
    expect(file).toMatch(/BAD \S+manifest\.json {2}invalid$/);
  });

  test('a folder without its manifest is MISSING', async () => {
    const io = memoryIo();
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-data-'));
    expect(await runCli(['data', 'check', '--benchmark', 'onnx-surrogate', '--benchmark-options', JSON.stringify({ dir })], io)).toBe(1);
    expect(io.out()).toMatch(/^onnx-surrogate\s+MISSING\s+cannot read \S+manifest\.json: ENOENT$/m);
  });
});
