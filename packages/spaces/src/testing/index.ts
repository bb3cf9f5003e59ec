export { conformanceSpaces } from './conformanceSpaces';
