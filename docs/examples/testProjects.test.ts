import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? testFiles(path) : entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

test('every unit test file that mocks or re-imports modules is in the isolated project (vitest.config.ts)', () => {
  // The unit project shares its workers' module cache, so a vi.mock there would leak into other files.
  const config = readFileSync(join(root, 'vitest.config.ts'), 'utf8');
  const isolated = /const NEEDS_ISOLATION = \[([^\]]*)\]/.exec(config)?.[1] ?? '';
  expect(isolated).toContain('onnxRuntime.test.ts');
  const needing = [...testFiles(join(root, 'packages')), ...testFiles(join(root, 'docs'))].filter(
    (file) => !/\.(int|browser)\.test\.ts$/.test(file) && /vi\.(mock|doMock|resetModules)\(/.test(readFileSync(join(root, file), 'utf8')) && !file.endsWith('testProjects.test.ts'),
  );
  expect(needing.filter((file) => !isolated.includes(`'${file}'`))).toEqual([]);
});
