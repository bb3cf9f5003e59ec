/**
 * The top of the grid `low + k * step` within [low, high], computed in decimal as Optuna does when it
 * builds a stepped FloatDistribution (`_adjust_discrete_uniform_high` works on `Decimal(str(x))`):
 * writing the same high Optuna would compute keeps it from warning, and from moving the bound, on load.
 * Python's `str` and JavaScript's `String` both give the shortest round-trip digits of a float.
 */
export function decimalGridTop(low: number, high: number, step: number): number {
  const [l, h, s] = [low, high, step].map(decimal) as [Decimal, Decimal, Decimal];
  const exp = Math.min(l.exp, h.exp, s.exp);
  const scale = (d: Decimal): bigint => d.digits * 10n ** BigInt(d.exp - exp);
  const [L, H, S] = [scale(l), scale(h), scale(s)];
  const range = H - L;
  if (S <= 0n || range < 0n || range % S === 0n) return high;
  return Number(`${(range / S) * S + L}e${exp}`);
}

interface Decimal {
  readonly digits: bigint;
  readonly exp: number;
}

function decimal(x: number): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (match === null) return { digits: 0n, exp: 0 }; // not finite: the caller has refused it already
  const fraction = match[3] ?? '';
  return { digits: BigInt(`${match[1]}${match[2]}${fraction}`), exp: Number(match[4] ?? 0) - fraction.length };
}
