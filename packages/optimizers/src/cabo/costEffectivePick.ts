/**
 * The next point of a cost-effective initial design (after CArBO, Lee et al. 2020: spend the
 * initial budget on as many well-spread points as it buys): among `count` candidate rows of `width`
 * columns, the one whose Euclidean distance to the nearest of `seenCount` seen rows, per predicted
 * second, is largest. `logCost` holds each candidate's predicted log cost (undefined: all cost the
 * same, so the most distant candidate wins). With nothing seen every candidate is equally far, and
 * the cheapest wins. Ties go to the earlier candidate, so the pick is deterministic given the pool.
 */
export function costEffectivePick(
  candidates: Float64Array,
  count: number,
  width: number,
  seen: Float64Array,
  seenCount: number,
  logCost: Float64Array | undefined,
): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < count; c++) {
    let nearest = Infinity;
    for (let s = 0; s < seenCount; s++) {
      let d2 = 0;
      for (let j = 0; j < width; j++) {
        const d = (candidates[c * width + j] as number) - (seen[s * width + j] as number);
        d2 += d * d;
      }
      if (d2 < nearest) nearest = d2;
    }
    // log(distance / cost): a candidate on a seen point (distance 0) scores -Infinity and is never
    // preferred over one that adds coverage; a log keeps the ratio finite for extreme costs.
    const spread = seenCount === 0 ? 0 : 0.5 * Math.log(nearest);
    const score = spread - (logCost === undefined ? 0 : (logCost[c] as number));
    if (score > bestScore || best < 0) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
