import { readFileSync } from 'node:fs';
import { defineConfig, type RolldownOptions } from 'rolldown';
import { build as buildTypes } from 'tsup';

/** What a package's build needs beyond the shared defaults. */
export interface PackageBuildOptions {
  /** Output name (without extension) for each entry source; one per subpath export. */
  readonly entry?: Readonly<Record<string, string>>;
  /** Dependencies the CommonJS build carries inside instead of requiring them (ESM-only packages). */
  readonly inlineInCommonJs?: readonly RegExp[];
}

/**
 * The build every package shares: ECMAScript modules and CommonJS, bundled by rolldown, with types
 * (bundled by tsup) and source maps, for Node 20 and later.
 *
 * Rolldown rather than esbuild for the code because esbuild turns every top-level `const` of a bundle
 * into a `var`, and V8 reads a `var` again at each use in a loop where it treats a `const` as fixed:
 * the multi-objective kernels, which keep buffers and thresholds as module constants, ran 1.4x slower
 * from the esbuild bundle than from their sources (geometric mean over the moocore comparison, 1.85x
 * at its 90th percentile: docs/multiobjective.md, "Against moocore"). Rolldown keeps the declarations.
 *
 * Shared modules sit in chunks beside the entries, so a module (and the identity of its classes, for
 * `instanceof`) exists once across subpaths, in CommonJS too.
 */
export function packageBuild(options: PackageBuildOptions = {}): RolldownOptions[] {
  const entry = options.entry ?? { index: 'src/index.ts' };
  const formats = ['esm', 'cjs'] as const;
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
  const dependencies = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(manifest[field] ?? {}));
  const isDependency = (id: string): boolean => dependencies.some((name) => id === name || id.startsWith(`${name}/`));
  const inline = options.inlineInCommonJs ?? [];

  return formats.map((format, index) => {
    const last = index === formats.length - 1;
    const extension = format === 'esm' ? 'js' : 'cjs';
    return defineConfig({
      input: entry,
      platform: 'node',
      transform: { target: 'node20' },
      // The command line's library entry exports what its commands load on demand; the command's own
      // bundle is where that split counts.
      checks: { ineffectiveDynamicImport: false },
      external: (id) => isDependency(id) && !(format === 'cjs' && inline.some((pattern) => pattern.test(id))),
      output: {
        dir: 'dist',
        format,
        // The first format's build empties dist/; the others write beside it.
        cleanDir: index === 0,
        sourcemap: true,
        entryFileNames: `[name].${extension}`,
        chunkFileNames: `chunk-[hash].${extension}`,
      },
      plugins: last
        ? [
            {
              name: 'jahskit-package-types',
              // Declarations for both formats (index.d.ts and index.d.cts), once the code is written.
              async closeBundle() {
                await buildTypes({
                  config: false,
                  entry: { ...entry },
                  format: ['esm', 'cjs'],
                  dts: { only: true },
                  outDir: 'dist',
                  target: 'node20',
                  silent: true,
                });
              },
            },
          ]
        : [],
    });
  });
}
