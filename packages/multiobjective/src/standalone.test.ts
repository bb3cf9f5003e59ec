import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * `@jahskit/multiobjective` is a standalone kernel package (docs/architecture.md): it depends on
 * nothing, so the kernels can be used outside a jahskit study. Nothing in it may import another
 * jahskit package, and its package.json declares no dependency.
 */
describe('@jahskit/multiobjective stands alone', () => {
  const root = new URL('../', import.meta.url);

  test('package.json declares no runtime dependency', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies'] ?? {}).toEqual({});
    expect(manifest['peerDependencies'] ?? {}).toEqual({});
  });

  test('no source file imports a package (test helpers in testing/ aside)', () => {
    const files = readdirSync(new URL('src/', root), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !/\.(test|bench)\.ts$/.test(f) && !f.startsWith('testing'),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(new URL(`src/${file}`, root), 'utf8');
      const imported = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!).filter((s) => !s.startsWith('.'));
      expect(imported, file).toEqual([]);
    }
  });
});
