import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';

/**
 * A non-uniform prior of an integer or float parameter, as ConfigSpace's `normal_*` and `beta_*` types.
 *
 * - `normal`: the parameter's internal value t (log(value) on a log scale, the value otherwise) is
 *   N(mu, sigma) truncated to the bounds. This is the meaning of mu and sigma in ConfigSpace < 1.0
 *   (and, on a linear scale, in 1.x; the JSON reader converts 1.x log-scale normals).
 * - `beta`: the normalised position in [0, 1] (the vector value of `encode`, on the log scale when
 *   log) is Beta(alpha, beta), as in ConfigSpace.
 *
 * Plain frozen data: it is part of the parameter's `spec` (as `prior`) and survives `hyperparameterFromSpec`.
 */
export type NumericPrior =
  { readonly kind: 'normal'; readonly mu: number; readonly sigma: number } | { readonly kind: 'beta'; readonly alpha: number; readonly beta: number };

const ALLOWED = "{kind: 'normal', mu: finite, sigma > 0} or {kind: 'beta', alpha > 0, beta > 0}";

function positive(name: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new SpaceError('invalid-definition', {
      parameter: name,
      problem: `prior ${field} must be a finite number > 0, got ${formatValue(value)}`,
      allowed: ALLOWED,
    });
  }
  return value;
}

/** The frozen copy of a legal prior, or 'invalid-definition' naming the parameter and what is allowed. */
export function checkNumericPrior(name: string, prior: unknown): NumericPrior {
  const p = prior as Partial<Record<string, unknown>> | null;
  if (typeof p === 'object' && p !== null && p['kind'] === 'normal') {
    if (typeof p['mu'] !== 'number' || !Number.isFinite(p['mu'])) {
      throw new SpaceError('invalid-definition', {
        parameter: name,
        problem: `prior mu must be a finite number, got ${formatValue(p['mu'])}`,
        allowed: ALLOWED,
      });
    }
    // + 0: -0 would not survive JSON (it is written as 0).
    return Object.freeze({ kind: 'normal', mu: p['mu'] + 0, sigma: positive(name, 'sigma', p['sigma']) });
  }
  if (typeof p === 'object' && p !== null && p['kind'] === 'beta') {
    return Object.freeze({ kind: 'beta', alpha: positive(name, 'alpha', p['alpha']), beta: positive(name, 'beta', p['beta']) });
  }
  throw new SpaceError('invalid-definition', { parameter: name, problem: `unknown prior ${formatValue(prior)}`, allowed: ALLOWED });
}
