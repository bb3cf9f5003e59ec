import { packageBuild } from '../../tsup.package';

export default packageBuild({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  // One copy of each module for both entries, in CommonJS too: `instanceof CoreError` must hold
  // across `@jahskit/core` and `@jahskit/core/testing`.
  splitting: true,
  shims: true,
  /**
   * inversify 8 is ECMAScript-module only: `require()` of it needs Node's require(esm) (20.19+, 22.12+)
   * and fails in tools with their own module system. The CommonJS build therefore carries it inside;
   * the ESM build imports the dependency. Either way it stays behind createRegistry.
   */
  esbuildOptions(options, { format }) {
    if (format === 'esm') options.external = [...(options.external ?? []), 'inversify', '@inversifyjs/*', 'reflect-metadata'];
  },
  noExternal: ['inversify', /^@inversifyjs\//, /^reflect-metadata/],
});
