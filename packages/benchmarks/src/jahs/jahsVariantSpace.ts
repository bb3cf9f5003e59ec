import type { Configuration } from '@jahskit/core';
import { JAHS_HPO_FIXED, JAHS_NAS_FIXED, jahsHpoOnly, jahsNasOnly, jahsSpace, SpaceError, type ConfigurationSpace } from '@jahskit/spaces';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { JahsVariant } from './createJahsBenchmark';

/**
 * The search space of a JAHS variant: the joint space, or the joint space with the parameters the
 * variant fixes made constants. `fixed` overrides some or all of those values (JAHS_NAS_FIXED for
 * 'nas', JAHS_HPO_FIXED for 'hpo'); naming any other parameter, or passing it with 'joint', is an
 * error, because the id `jahs/<variant>` would then no longer say which parameters are searched.
 */
export function jahsVariantSpace(variant: JahsVariant, fixed?: Configuration): ConfigurationSpace {
  if (variant === 'joint') {
    if (fixed !== undefined) {
      throw new BenchmarkError('invalid-definition', "jahs: option \"fixed\" needs variant 'nas' or 'hpo'; the joint space fixes nothing", {
        parameter: 'fixed',
        allowed: "no value with variant 'joint'",
      });
    }
    return jahsSpace();
  }
  const defaults = variant === 'nas' ? JAHS_NAS_FIXED : JAHS_HPO_FIXED;
  const names = Object.keys(defaults);
  for (const name of Object.keys(fixed ?? {})) {
    if (!names.includes(name)) {
      throw new BenchmarkError(
        'invalid-definition',
        `jahs: option "fixed" names "${name}", which variant '${variant}' does not fix; it fixes ${names.join(', ')}`,
        {
          parameter: `fixed.${name}`,
          allowed: names.join(', '),
        },
      );
    }
  }
  const joint = jahsSpace();
  const values = { ...defaults, ...fixed };
  // Legality is the joint space's own check (ranges, choices, types), on a full configuration so that
  // conditions and forbidden clauses would be honoured too; its canonical values are what gets fixed.
  let legal: Configuration;
  try {
    legal = joint.validate({ ...joint.defaultConfiguration(), ...values });
  } catch (error) {
    if (!(error instanceof SpaceError)) throw error;
    throw new BenchmarkError('invalid-definition', `jahs: option "fixed": ${error.message}`, {
      parameter: `fixed.${error.parameter}`,
      ...(error.allowed === undefined ? {} : { allowed: error.allowed }),
      cause: error,
    });
  }
  const canonical = Object.fromEntries(names.filter((name) => name in legal).map((name) => [name, legal[name]!]));
  return variant === 'nas' ? jahsNasOnly(joint, canonical) : jahsHpoOnly(joint, canonical);
}
