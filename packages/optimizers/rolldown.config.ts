import { packageBuild } from '../../rolldown.package';

export default packageBuild();
