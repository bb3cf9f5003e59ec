import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { gridWorkerBundle } from './gridWorkerBundle.mjs';

describe('gridWorkerBundle', () => {
  test('bundles a TypeScript entry once, and again only when one of its sources changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-bundle-'));
    const cache = join(dir, 'cache');
    writeFileSync(join(dir, 'entry.ts'), "import { answer } from './answer';\nexport const value: number = answer;\nexport const url = import.meta.url;\n");
    writeFileSync(join(dir, 'answer.ts'), 'export const answer: number = 41;\n');
    const first = await gridWorkerBundle(join(dir, 'entry.ts'), cache);
    expect(first.startsWith('file:')).toBe(true);
    const built = statSync(fileURLToPath(first)).mtimeMs;
    expect(await import(first)).toMatchObject({ value: 41, url: `file://${join(dir, 'entry.ts')}` });

    // Unchanged sources: the same file, not rebuilt.
    expect(await gridWorkerBundle(join(dir, 'entry.ts'), cache)).toBe(first);
    expect(statSync(fileURLToPath(first)).mtimeMs).toBe(built);

    writeFileSync(join(dir, 'answer.ts'), 'export const answer: number = 42;\n');
    const second = await gridWorkerBundle(join(dir, 'entry.ts'), cache);
    expect(second).not.toBe(first);
    expect(await import(second)).toMatchObject({ value: 42 });
    // The older bundle stays a while (a thread may be loading it); one index per entry.
    expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });

  test('a source that does not compile is an error (the thread then falls back to tsx)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jahskit-bundle-'));
    writeFileSync(join(dir, 'entry.ts'), 'export const broken = ;\n');
    await expect(gridWorkerBundle(join(dir, 'entry.ts'), join(dir, 'cache'))).rejects.toThrow(/Unexpected/);
  });
});
