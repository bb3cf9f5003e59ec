/**
 * The shortest decimal (6 to 9 significant digits) that rounds to the same float32 as `value`, as a
 * double: the table stores float32, and this turns 91.6066665649414 back into 91.60667 and
 * 1.0734659433364868 into 1.073466 (the source's own value) instead of showing float32 noise.
 */
export function float32Decimal(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const f = Math.fround(value);
  for (let digits = 6; digits < 9; digits++) {
    const x = Number(f.toPrecision(digits));
    if (Math.fround(x) === f) return x;
  }
  return Number(f.toPrecision(9));
}

/** `a - b` rounded to 10 decimals: removes the binary noise of subtracting short decimals (100 - 91.60667). */
export function decimalDifference(a: number, b: number): number {
  return Number((a - b).toFixed(10));
}
