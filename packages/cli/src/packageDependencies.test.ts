import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const packagesDir = fileURLToPath(new URL('../..', import.meta.url));

/** Dependencies a package declares without importing them in its own sources, and why. */
const DECLARED_FOR_ANOTHER_REASON: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // dist/bin.js bundles the benchmarks' sources, which load onnxruntime-web when a surrogate runs.
  '@jahskit/cli': { 'onnxruntime-web': 'the bundled command loads it' },
};

interface Manifest {
  readonly name: string;
  readonly exports?: Record<string, Record<string, string> | string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

/** The package a bare specifier names (`@scope/name/sub` -> `@scope/name`), or undefined for a relative or built-in one. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('#')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The source file a relative specifier names (`./a` -> `./a.ts` or `./a/index.ts`). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
}

/**
 * Packages imported by what a package ships: the modules reachable by import from its entry points
 * (the exports map's sources, and the command's), value imports and type imports apart. Tests,
 * fixtures and checkout-only helpers are not reachable and do not count.
 */
function imports(root: string, manifest: Manifest): { values: Set<string>; types: Set<string> } {
  const values = new Set<string>();
  const types = new Set<string>();
  const entries = Object.values(manifest.exports ?? {}).flatMap((entry) =>
    typeof entry === 'object' && entry['@jahskit/source'] !== undefined ? [join(root, entry['@jahskit/source'])] : [],
  );
  if (existsSync(join(root, 'src', 'bin.ts'))) entries.push(join(root, 'src', 'bin.ts'));
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /^\s*(import|export)(\s+type)?\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm,
    )) {
      const specifier = match[3] ?? match[4] ?? match[5]!;
      const name = packageOf(specifier);
      if (name !== undefined) (match[2] !== undefined ? types : values).add(name);
      else if (specifier.startsWith('.')) {
        const next = resolveRelative(file, specifier);
        if (next !== undefined && match[2] === undefined) pending.push(next);
      }
    }
  }
  return { values, types };
}

const packages = readdirSync(packagesDir).map((folder) => ({
  folder,
  manifest: JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8')) as Manifest,
}));

describe.each(packages)('the dependencies of $manifest.name', ({ folder, manifest }) => {
  const { values, types } = imports(join(packagesDir, folder), manifest);
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);

  test('every package its sources load is declared (a dependency, or a peer the app provides)', () => {
    expect([...values].filter((name) => name !== manifest.name && !declared.has(name)).sort()).toEqual([]);
  });

  test('every dependency is imported by its sources', () => {
    const reasons = DECLARED_FOR_ANOTHER_REASON[manifest.name] ?? {};
    expect(Object.keys(manifest.dependencies ?? {}).filter((name) => !values.has(name) && !types.has(name) && reasons[name] === undefined)).toEqual([]);
  });
});
