import { packageBuild } from '../../rolldown.package';

export default packageBuild({
  // `instanceof CoreError` must hold across `@jahskit/core` and `@jahskit/core/testing`: one chunk
  // holds the modules both use.
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  /**
   * inversify 8 is ECMAScript-module only: `require()` of it needs Node's require(esm) (20.19+, 22.12+)
   * and fails in tools with their own module system. The CommonJS build therefore carries it inside;
   * the ESM build imports the dependency. Either way it stays behind createRegistry.
   */
  inlineInCommonJs: [/^inversify$/, /^@inversifyjs\//, /^reflect-metadata/],
});
