import { packageBuild } from '../../tsup.package';

// One copy of each module for both entries: a space of `@jahskit/spaces/testing` must be the
// ConfigurationSpace (and throw the SpaceError) of `@jahskit/spaces`.
export default packageBuild({ entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' }, splitting: true });
