import type { Configuration, ParameterSpec, ParamValue, SearchSpace } from '@jahskit/core';
import { OptimizerError } from '../../errors/OptimizerError';

export interface LadderOptions {
  /** A fidelity parameter's name, several names, 'diagonal' (all of them), or undefined (the first). */
  readonly fidelity?: string | readonly string[] | undefined;
  readonly eta: number;
  /** In units of the first selected fidelity; default its lower bound. */
  readonly minBudget?: number | undefined;
  /** In units of the first selected fidelity; default its upper bound. */
  readonly maxBudget?: number | undefined;
}

type Steppable = Extract<ParameterSpec, { type: 'integer' | 'float' | 'ordinal' }>;

/**
 * The geometric budget ladder of successive halving: rung i trains with budget
 * maxBudget * eta^(i - sMax) of the first selected fidelity, sMax = floor(log_eta(max / min)). With
 * several fidelities (the JAHS "multi multi-fidelity" diagonal) every selected fidelity moves
 * together from its minimum (rung 0) to its maximum (top rung) in geometric steps; ordinal fidelities
 * step through their sequence. Unselected fidelities stay at their defaults (the highest).
 */
export class FidelityLadder {
  private constructor(
    /** Budget of each rung in units of the first fidelity (before rounding). */
    readonly budgets: readonly number[],
    /** The fidelity configuration of each rung. */
    readonly fidelities: readonly Configuration[],
    readonly eta: number,
  ) {}

  get sMax(): number {
    return this.budgets.length - 1;
  }

  static resolve(fidelitySpace: SearchSpace, options: LadderOptions): FidelityLadder {
    const steppable = fidelitySpace.parameters.filter((p): p is Steppable => p.type === 'integer' || p.type === 'float' || p.type === 'ordinal');
    if (steppable.length === 0) {
      throw new OptimizerError('unsupported-task', 'this optimizer needs a benchmark with an integer, float or ordinal fidelity parameter', {
        parameter: 'fidelity',
      });
    }
    const names =
      options.fidelity === undefined
        ? [steppable[0]!.name]
        : options.fidelity === 'diagonal'
          ? steppable.map((p) => p.name)
          : typeof options.fidelity === 'string'
            ? [options.fidelity]
            : [...options.fidelity];
    const allowed = steppable.map((p) => p.name).join(', ');
    if (names.length === 0) throw new OptimizerError('invalid-option', 'fidelity needs at least one name', { parameter: 'fidelity', allowed });
    const selected = names.map((name) => {
      const p = steppable.find((q) => q.name === name);
      if (p === undefined)
        throw new OptimizerError('invalid-option', `fidelity "${name}" is not an integer, float or ordinal fidelity parameter; fidelities: ${allowed}`, {
          parameter: 'fidelity',
          allowed,
        });
      return p;
    });
    const first = selected[0]!;
    const [lower, upper] = bounds(first);
    const minBudget = options.minBudget ?? lower;
    const maxBudget = options.maxBudget ?? upper;
    if (!(minBudget > 0))
      throw new OptimizerError('invalid-option', `minBudget must be > 0 for a geometric ladder, got ${minBudget}`, { parameter: 'minBudget', allowed: '> 0' });
    if (minBudget < lower || minBudget > upper)
      throw new OptimizerError('invalid-option', `minBudget ${minBudget} is outside ${first.name}'s range [${lower}, ${upper}]`, {
        parameter: 'minBudget',
        allowed: `[${lower}, ${upper}]`,
      });
    if (maxBudget < lower || maxBudget > upper)
      throw new OptimizerError('invalid-option', `maxBudget ${maxBudget} is outside ${first.name}'s range [${lower}, ${upper}]`, {
        parameter: 'maxBudget',
        allowed: `[${lower}, ${upper}]`,
      });
    if (minBudget > maxBudget)
      throw new OptimizerError('invalid-option', `minBudget ${minBudget} is above maxBudget ${maxBudget}`, {
        parameter: 'minBudget',
        allowed: `<= maxBudget (${maxBudget})`,
      });
    const eta = options.eta;
    if (!(eta > 1)) throw new OptimizerError('invalid-option', `eta must be > 1, got ${eta}`, { parameter: 'eta', allowed: '> 1' });
    const sMax = Math.floor(Math.log(maxBudget / minBudget) / Math.log(eta) + 1e-9);
    const budgets = Array.from({ length: sMax + 1 }, (_, i) => maxBudget * Math.pow(eta, i - sMax));
    const base = fidelitySpace.defaultConfiguration();
    const fidelities = budgets.map((budget, i) => {
      const t = sMax === 0 ? 1 : i / sMax;
      const config: Record<string, ParamValue> = { ...base };
      selected.forEach((p, k) => {
        config[p.name] = k === 0 ? snap(p, budget) : along(p, t);
      });
      return fidelitySpace.validate(config);
    });
    // Rounding can map neighbouring rungs to the same fidelity (NAS-Bench-201's epoch {12, 200} at
    // eta 3 gives 12, 12, 200): keep only the highest rung of each, so promotions always add training.
    const keep: number[] = [];
    for (let i = fidelities.length - 1; i >= 0; i--) {
      const last = keep[0];
      if (last === undefined || JSON.stringify(fidelities[i]) !== JSON.stringify(fidelities[last])) keep.unshift(i);
    }
    return new FidelityLadder(
      keep.map((i) => budgets[i] as number),
      keep.map((i) => fidelities[i] as Configuration),
      eta,
    );
  }
}

function bounds(p: Steppable): [number, number] {
  if (p.type !== 'ordinal') return [p.lower, p.upper];
  const values = p.sequence.map(Number);
  if (!values.every(Number.isFinite)) {
    throw new OptimizerError('invalid-option', `ordinal fidelity "${p.name}" has non-numeric values; it can only follow another fidelity on the diagonal`, {
      parameter: 'fidelity',
    });
  }
  return [Math.min(...values), Math.max(...values)];
}

/** The legal value nearest to `v` (on the log scale for ordinals, whose steps are usually geometric). */
function snap(p: Steppable, v: number): ParamValue {
  if (p.type === 'integer') return Math.min(p.upper, Math.max(p.lower, Math.round(v)));
  if (p.type === 'float') {
    const clamped = Math.min(p.upper, Math.max(p.lower, v));
    return p.q === undefined ? clamped : Math.min(p.upper, p.lower + Math.round((clamped - p.lower) / p.q) * p.q);
  }
  let best = 0;
  p.sequence.forEach((value, i) => {
    if (Math.abs(Math.log(Number(value) / v)) < Math.abs(Math.log(Number(p.sequence[best]) / v))) best = i;
  });
  return p.sequence[best] as ParamValue;
}

/** The value at fraction t of the way from the minimum to the maximum (geometric; index steps for ordinals). */
function along(p: Steppable, t: number): ParamValue {
  if (p.type === 'ordinal') return p.sequence[Math.round(t * (p.sequence.length - 1))] as ParamValue;
  const lo = p.lower > 0 ? p.lower : 1e-12;
  return snap(p, p.lower > 0 ? lo * Math.pow(p.upper / lo, t) : p.lower + t * (p.upper - p.lower));
}
