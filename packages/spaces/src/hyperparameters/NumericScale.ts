/**
 * The map between a numeric range and the unit interval used for vectors and neighbourhoods:
 * linear, or linear in log(value) when `log`.
 */
export class NumericScale {
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  private readonly origin: number;
  private readonly width: number;

  constructor(low: number, high: number, log: boolean) {
    this.low = low;
    this.high = high;
    this.log = log;
    this.origin = log ? Math.log(low) : low;
    this.width = (log ? Math.log(high) : high) - this.origin;
  }

  toUnit(value: number): number {
    return ((this.log ? Math.log(value) : value) - this.origin) / this.width;
  }

  fromUnit(x: number): number {
    const t = this.origin + x * this.width;
    return this.log ? Math.exp(t) : t;
  }
}

/** Draws up to `count` distinct values from Gaussian steps (sd 0.2) around `unit` in [0, 1]. */
export function gaussianNeighbours<T extends number>(unit: number, current: T, count: number, normal: () => number, decode: (x: number) => T): T[] {
  const result: T[] = [];
  const maxAttempts = 20 * count + 20;
  for (let attempt = 0; attempt < maxAttempts && result.length < count; attempt++) {
    const x = unit + 0.2 * normal();
    if (!(x >= 0 && x <= 1)) continue; // resample rather than clip: clipping piles mass on the bounds
    const candidate = decode(x);
    if (candidate === current || result.includes(candidate)) continue;
    result.push(candidate);
  }
  return result;
}
