/**
 * The non-dominated points of (a[i], b[i]), both minimised, in increasing order of b. Points equal
 * in both coordinates appear once; entries where either value is NaN are skipped. O(n log n).
 */
export function paretoFront2d(a: ArrayLike<number>, b: ArrayLike<number>): [number, number][] {
  const order: number[] = [];
  for (let i = 0; i < a.length; i++) if (!Number.isNaN(a[i]!) && !Number.isNaN(b[i]!)) order.push(i);
  order.sort((i, j) => b[i]! - b[j]! || a[i]! - a[j]!);
  const front: [number, number][] = [];
  let best = Infinity;
  for (const i of order) {
    if (a[i]! < best) {
      best = a[i]!;
      front.push([best, b[i]!]);
    }
  }
  return front;
}
