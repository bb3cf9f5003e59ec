/** A short, readable rendering of any value for error messages: strings quoted, others as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Lists values unquoted (`none, skip_connect, ...`), eliding the middle of very long lists. */
export function formatList(values: readonly unknown[], limit = 24): string {
  const shown = values.length > limit ? values.slice(0, limit) : values;
  const text = shown.map((v) => (typeof v === 'string' ? v : formatValue(v))).join(', ');
  return values.length > limit ? `${text}, ... (${values.length} in all)` : text;
}
