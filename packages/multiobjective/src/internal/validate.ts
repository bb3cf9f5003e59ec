import { MultiObjectiveError, type MultiObjectiveErrorKind } from '../errors/MultiObjectiveError';

/**
 * Checks a row-major point set and returns its number of rows. Every kernel calls this first,
 * so a NaN never reaches a comparison (where it would silently compare false) and a ragged
 * buffer never reads past a row.
 */
export function checkPoints(points: Float64Array, d: number, name = 'points'): number {
  const n = checkShape(points, d, name);
  for (let i = 0; i < points.length; i++) {
    const v = points[i]!;
    if (v - v !== 0) {
      throw new MultiObjectiveError('non-finite', `${name}[${Math.floor(i / d)}][${i % d}] is ${v}; every objective value must be finite`);
    }
  }
  return n;
}

/**
 * checkPoints without the values: the type and the length. For kernels whose first scan reads
 * every value anyway and checks them there (calling checkPoints for the error when one is bad).
 */
export function checkShape(points: Float64Array, d: number, name = 'points'): number {
  if (!(points instanceof Float64Array)) {
    throw new MultiObjectiveError('invalid-points', `${name} must be a Float64Array (row-major n x d)`);
  }
  checkDimension(d);
  if (points.length % d !== 0) {
    throw new MultiObjectiveError('dimension-mismatch', `${name} has length ${points.length}, which is not a multiple of d = ${d}`);
  }
  return points.length / d;
}

/**
 * Checks an output buffer for n values of one row each: an Int32Array of length n that shares no
 * memory with the input rows (the kernel writes it only once it has finished reading them, but a
 * view over the rows would still be overwritten by the result).
 */
export function checkRanksInto(into: Int32Array, n: number, points: Float64Array, name = 'into'): void {
  if (!(into instanceof Int32Array)) {
    throw new MultiObjectiveError('invalid-argument', `${name} must be an Int32Array of length ${n} (one rank per row), got ${typeName(into)}`);
  }
  if (into.length !== n) {
    throw new MultiObjectiveError('invalid-argument', `${name} has length ${into.length}; it must hold one rank per row, ${n}`);
  }
  if (into.buffer === points.buffer && into.byteOffset < points.byteOffset + points.byteLength && points.byteOffset < into.byteOffset + into.byteLength) {
    throw new MultiObjectiveError('invalid-argument', `${name} shares memory with the points; pass a buffer of its own`);
  }
}

/** What a value is, for an error message: its constructor's name, or its typeof. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  return (v as object).constructor?.name ?? 'an object';
}

function checkDimension(d: number, name = 'd'): void {
  if (!Number.isInteger(d) || d < 1) {
    throw new MultiObjectiveError('invalid-argument', `${name} must be a positive integer, got ${d}`);
  }
}

/**
 * Copies the reference point into a Float64Array (`into` when given, a kept buffer of length d, or
 * a new one) after checking its length and values.
 */
export function checkReference(reference: ArrayLike<number>, d: number, name = 'reference', into?: Float64Array): Float64Array {
  if (reference == null || typeof reference.length !== 'number') {
    throw new MultiObjectiveError('invalid-reference', `${name} must be an array of ${d} finite numbers`);
  }
  if (reference.length !== d) {
    throw new MultiObjectiveError('dimension-mismatch', `${name} has ${reference.length} coordinates but the points have d = ${d}`);
  }
  return finiteCopy(reference, d, name, 'invalid-reference', into);
}

export function checkVector(v: ArrayLike<number>, d: number, name: string): Float64Array {
  if (v == null || typeof v.length !== 'number' || v.length !== d) {
    throw new MultiObjectiveError('dimension-mismatch', `${name} must have exactly ${d} coordinates`);
  }
  return finiteCopy(v, d, name, 'non-finite');
}

/** The d values of `v` in `out`; a value that is not a finite number is a `kind` error. */
function finiteCopy(v: ArrayLike<number>, d: number, name: string, kind: MultiObjectiveErrorKind, out: Float64Array = new Float64Array(d)): Float64Array {
  for (let j = 0; j < d; j++) {
    const x = v[j]!;
    if (typeof x !== 'number' || x - x !== 0) {
      throw new MultiObjectiveError(kind, `${name}[${j}] is ${String(x)}; it must be a finite number`);
    }
    out[j] = x;
  }
  return out;
}

export function checkPositiveInteger(v: number, name: string, min = 1): void {
  if (!Number.isInteger(v) || v < min) {
    throw new MultiObjectiveError('invalid-argument', `${name} must be an integer >= ${min}, got ${v}`);
  }
}

/**
 * Copies the rows that strictly dominate the reference point (the only ones with a non-empty
 * box) into a fresh buffer; `indexOut` receives their original row numbers when given.
 */
export function rowsInsideReference(points: Float64Array, n: number, d: number, ref: Float64Array, indexOut?: Int32Array): { data: Float64Array; n: number } {
  const out = new Float64Array(n * d);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let inside = true;
    for (let j = 0; j < d; j++) {
      if (!(points[o + j]! < ref[j]!)) {
        inside = false;
        break;
      }
    }
    if (!inside) continue;
    const t = m * d;
    for (let j = 0; j < d; j++) out[t + j] = points[o + j]!;
    if (indexOut) indexOut[m] = i;
    m++;
  }
  return { data: m === n ? out : out.subarray(0, m * d), n: m };
}
