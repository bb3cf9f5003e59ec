import { PythonFloat } from './PythonFloat';

/** What `pythonJson` writes: JSON values, plus numbers marked as Python floats. */
export type PythonJsonValue = null | boolean | number | string | PythonFloat | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue };

/**
 * JSON text as Python's `json.dumps` writes it: `", "` and `": "` separators, floats with a decimal
 * point, and NaN and infinities as the bare tokens `NaN`, `Infinity` and `-Infinity` (not JSON, but
 * what Python writes and reads, and what an Optuna journal may hold for a NaN intermediate value).
 */
export function pythonJson(value: PythonJsonValue): string {
  if (value === null) return 'null';
  if (value instanceof PythonFloat) return pythonFloat(value.value);
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // -0 has no int form: it stays a float, as in Python.
      return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : pythonFloat(value);
    case 'string':
      return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${(value as readonly PythonJsonValue[]).map(pythonJson).join(', ')}]`;
  const fields = Object.entries(value as { readonly [key: string]: PythonJsonValue }).map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`);
  return `{${fields.join(', ')}}`;
}

function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(x, -0)) return '-0.0';
  const text = String(x);
  // Integral values print without a point in JavaScript (`1e+21` already reads as a float in Python).
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}
