import type { Configuration, ParameterSpec, ParamValue } from '@jahskit/core';
import { listedValues } from '@jahskit/core';
import { conditionParents, forbiddenParameters, type ConfigurationSpace } from '@jahskit/spaces';

/** How many configurations a space holds: a count, infinitely many, or more combinations than are worth enumerating. */
export type SpaceSize =
  { readonly kind: 'finite'; readonly count: bigint } | { readonly kind: 'infinite' } | { readonly kind: 'unknown'; readonly atMost: bigint };

/** Most combinations of the parameters that conditions or clauses read, enumerated to count exactly. */
const MAX_ENUMERATED = 200_000;

/** The legal values of a parameter, or undefined for a continuous float or a range too long to list. */
function valuesOf(spec: ParameterSpec): readonly ParamValue[] | undefined {
  if (spec.type !== 'integer' && spec.type !== 'float') return listedValues(spec);
  const size = domainSize(spec);
  if (size === undefined || size > BigInt(MAX_ENUMERATED)) return undefined;
  const step = spec.type === 'float' ? (spec.q as number) : 1;
  return Array.from({ length: Number(size) }, (_, k) => Math.min(spec.upper, spec.lower + k * step));
}

function domainSize(spec: ParameterSpec): bigint | undefined {
  switch (spec.type) {
    case 'categorical':
      return BigInt(spec.choices.length);
    case 'ordinal':
      return BigInt(spec.sequence.length);
    case 'constant':
      return 1n;
    case 'integer':
      return BigInt(spec.upper - spec.lower + 1);
    case 'float':
      // lower + k q for k = 0 .. floor((upper - lower) / q), the tolerance as the q grid is checked.
      return spec.q === undefined ? undefined : BigInt(Math.floor((spec.upper - spec.lower) / spec.q + 1e-9) + 1);
  }
}

/**
 * The number of legal configurations of `space` (inactive parameters absent, forbidden combinations
 * excluded), as ConfigSpace counts them. Only the parameters that a condition or a forbidden clause
 * reads are enumerated (at most {@link MAX_ENUMERATED} combinations); the others multiply in. A
 * continuous float active in some legal configuration makes the space infinite.
 */
export function spaceSize(space: ConfigurationSpace): SpaceSize {
  const keyNames = new Set<string>([...space.conditions.flatMap((c) => conditionParents(c)), ...space.forbiddens.flatMap((f) => forbiddenParameters(f))]);
  const keys = space.parameters.filter((p) => keyNames.has(p.name));
  const others = space.parameters.filter((p) => !keyNames.has(p.name));
  const values = keys.map(valuesOf);
  let combinations = 1n;
  for (const v of values) combinations *= v === undefined ? BigInt(MAX_ENUMERATED) + 1n : BigInt(v.length);
  if (combinations > BigInt(MAX_ENUMERATED)) return bound(space);

  let count = 0n;
  let infinite = false;
  const seen = new Set<string>();
  const choice = new Array<number>(keys.length).fill(0);
  for (let done = false; !done;) {
    const config: Record<string, ParamValue> = {};
    keys.forEach((k, i) => (config[k.name] = (values[i] as readonly ParamValue[])[choice[i] as number] as ParamValue));
    for (const p of others) config[p.name] = p.default;
    const legal = activeOnly(space, config);
    const signature = JSON.stringify(keys.map((k) => legal?.[k.name] ?? null));
    if (legal !== undefined && !seen.has(signature)) {
      seen.add(signature);
      let product = 1n;
      for (const p of others) {
        if (legal[p.name] === undefined) continue;
        const size = domainSize(p);
        if (size === undefined) infinite = true;
        else product *= size;
      }
      count += product;
    }
    // The next combination, as an odometer over the keys' values.
    let i = 0;
    for (; i < keys.length; i++) {
      choice[i] = (choice[i] as number) + 1;
      if ((choice[i] as number) < (values[i] as readonly ParamValue[]).length) break;
      choice[i] = 0;
    }
    done = i === keys.length;
  }
  return infinite ? { kind: 'infinite' } : { kind: 'finite', count };
}

/** `config` without its inactive parameters if that is legal, else undefined (a forbidden combination). */
function activeOnly(space: ConfigurationSpace, config: Configuration): Configuration | undefined {
  const active: Record<string, ParamValue> = {};
  for (const p of space.parameters) if (space.isActive(p.name, config)) active[p.name] = config[p.name] as ParamValue;
  try {
    return space.validate(active);
  } catch {
    return undefined;
  }
}

/** When the keys are too many to enumerate: infinite if a continuous float exists, else the product of all domains as a bound. */
function bound(space: ConfigurationSpace): SpaceSize {
  let bound = 1n;
  for (const p of space.parameters) {
    const size = domainSize(p);
    if (size === undefined) return { kind: 'infinite' };
    bound *= size;
  }
  return { kind: 'unknown', atMost: bound };
}
