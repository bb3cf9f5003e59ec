/**
 * A number for a table cell: `digits` significant digits, plain notation where that stays short
 * (so 1234.5 reads "1235", not "1.235e+3") and exponent notation for very small or large values.
 */
export function formatNumber(value: number, digits = 4): string {
  if (Number.isNaN(value)) return 'n/a';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 10 ** Math.max(digits, 6)) {
    // Number(...) drops the trailing zeros toPrecision keeps ("2.500" -> "2.5").
    return String(Number(value.toPrecision(digits)));
  }
  const [mantissa = '', exponent = ''] = value.toExponential(digits - 1).split('e');
  return `${String(Number(mantissa))}e${exponent.replace('+', '')}`;
}
