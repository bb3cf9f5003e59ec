import { NO_CURVE } from './budgetSpace';

/** Location and scale of the results at one rung: median and interquartile range / 1.349 (the standard deviation of a normal). */
interface Scale {
  readonly centre: number;
  readonly spread: number;
}

/**
 * What DyHPO's model needs to know about the finished results at each rung: where a value stands among
 * them (the learning-curve input) and the rung's robust location and scale (to put the rungs on one
 * scale). Built once per proposal from the finite results at each rung.
 */
export class RungStatistics {
  private constructor(
    /** The finite results at each rung, ascending. */
    private readonly sorted: readonly (readonly number[])[],
    private readonly scales: readonly Scale[],
  ) {}

  /** `values[k]`: the finite results at rung k, in any order. */
  static of(values: readonly (readonly number[])[]): RungStatistics {
    const sorted = values.map((v) => [...v].sort((a, b) => a - b));
    // A rung with fewer than two results has no scale of its own: it borrows the rung below's, the
    // nearest rung whose results resemble what it will see.
    let below: Scale = { centre: 0, spread: 1 };
    const scales = sorted.map((v) => {
      if (v.length >= 2) below = scaleOf(v);
      return below;
    });
    return new RungStatistics(sorted, scales);
  }

  /** The mid-rank of `value` among the results at `rung`, in [0, 1]; the middle when there are none or `value` is not finite. */
  quantile(rung: number, value: number): number {
    const values = this.sorted[rung] ?? [];
    if (values.length === 0 || !Number.isFinite(value)) return NO_CURVE;
    let less = 0;
    let equal = 0;
    for (const x of values) {
      if (x < value) less++;
      else if (x === value) equal++;
    }
    return (less + 0.5 * equal) / values.length;
  }

  /** `value` in units of the spread of the results at `rung`, from their median; a non-finite value as it is. */
  normalise(rung: number, value: number): number {
    const scale = this.scales[rung];
    if (scale === undefined || !Number.isFinite(value)) return value;
    return (value - scale.centre) / scale.spread;
  }
}

/** Median and IQR / 1.349 of ascending values (at least two); half the range, then 1, when the middle half is tied. */
function scaleOf(sorted: readonly number[]): Scale {
  const n = sorted.length;
  const at = (p: number): number => sorted[Math.min(n - 1, Math.floor(p * (n - 1)))] as number;
  const iqr = (at(0.75) - at(0.25)) / 1.349;
  const halfRange = ((sorted[n - 1] as number) - (sorted[0] as number)) / 2;
  return { centre: at(0.5), spread: iqr > 1e-12 ? iqr : halfRange > 1e-12 ? halfRange : 1 };
}
