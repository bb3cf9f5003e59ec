import { MultiObjectiveError } from '../errors/MultiObjectiveError';

/**
 * Packs an array of rows into the row-major Float64Array used by every kernel. Throws
 * 'empty' for no rows, 'dimension-mismatch' for ragged rows and 'non-finite' for NaN/Infinity.
 */
export function pointsFromRows(rows: readonly (readonly number[])[]): { points: Float64Array; n: number; d: number } {
  if (rows.length === 0) throw new MultiObjectiveError('empty', 'rows must contain at least one point');
  const d = rows[0]!.length;
  if (d === 0) throw new MultiObjectiveError('invalid-points', 'rows[0] has no coordinates');
  const points = new Float64Array(rows.length * d);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length !== d) {
      throw new MultiObjectiveError('dimension-mismatch', `rows[${i}] has ${row.length} coordinates, rows[0] has ${d}`);
    }
    for (let j = 0; j < d; j++) {
      const v = row[j]!;
      if (typeof v !== 'number' || v - v !== 0) {
        throw new MultiObjectiveError('non-finite', `rows[${i}][${j}] is ${String(v)}; it must be a finite number`);
      }
      points[i * d + j] = v;
    }
  }
  return { points, n: rows.length, d };
}
