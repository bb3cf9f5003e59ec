import { packageBuild } from '../../tsup.package';

// One copy of each module for both entries, in CommonJS too.
export default packageBuild({ entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' }, splitting: true });
