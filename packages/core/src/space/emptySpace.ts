import { CoreError } from '../errors/CoreError';
import type { Configuration } from './Configuration';
import type { SearchSpace } from './SearchSpace';

const EMPTY: Configuration = Object.freeze({});

/** The space with no parameters: the fidelity space of a benchmark without fidelities. */
export const EMPTY_SPACE: SearchSpace = Object.freeze({
  parameters: [],
  sample: () => EMPTY,
  validate(config: unknown): Configuration {
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw new CoreError('invalid-configuration', 'expected an object with no parameters', { parameter: '(root)' });
    }
    const keys = Object.keys(config);
    if (keys.length > 0) {
      throw new CoreError('invalid-configuration', `unknown parameter "${keys[0]}": this space has no parameters`, {
        parameter: keys[0] as string,
        allowed: '(none)',
      });
    }
    return EMPTY;
  },
  isActive: () => false,
  encode: () => new Float64Array(0),
  decode: () => EMPTY,
  neighbours: () => [],
  defaultConfiguration: () => EMPTY,
  restrict(fixed: Configuration): SearchSpace {
    const keys = Object.keys(fixed);
    if (keys.length > 0) {
      throw new CoreError('invalid-configuration', `unknown parameter "${keys[0]}": this space has no parameters`, { parameter: keys[0] as string });
    }
    return EMPTY_SPACE;
  },
});
