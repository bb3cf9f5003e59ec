import { NB201_OPS, parseNb201ArchString } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';

/**
 * `{arch: "<official string>", ...rest}` -> the edge parameters plus `rest` (e.g. `epoch`, which the
 * caller moves to the fidelity); anything else is returned unchanged for the space to validate.
 */
export function parseNb201Config(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !('arch' in input)) return input;
  const { arch, ...rest } = input as { arch: unknown };
  if (typeof arch !== 'string') {
    const allowed = `official NB201 strings |op~0|+|op~0|op~1|+|op~0|op~1|op~2| with op in ${NB201_OPS.join(', ')}`;
    throw new BenchmarkError('invalid-query', `parameter "arch": must be a string; allowed: ${allowed}`, { parameter: 'arch', allowed });
  }
  return { ...parseNb201ArchString(arch), ...rest };
}
