import { defineConfig, type Options } from 'tsup';

/**
 * The build every package shares: ECMAScript modules and CommonJS, with types and source maps, for
 * Node 20 and later. A package passes its entries and what it needs beyond that.
 */
export function packageBuild(options: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({ entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true, sourcemap: true, target: 'node20', ...options });
}
