/** The rows of `indices` of an n x d row-major set, packed in that order. */
export function packRows(points: Float64Array, d: number, indices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indices.length * d);
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i] as number;
    out.set(points.subarray(row * d, (row + 1) * d), i * d);
  }
  return out;
}
