import { packageBuild } from '../../rolldown.package';

// A space of `@jahskit/spaces/testing` must be the ConfigurationSpace (and throw the SpaceError) of
// `@jahskit/spaces`: the shared modules sit in one chunk for both entries.
export default packageBuild({ entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } });
