/**
 * One-sided Mann-Whitney U test: the exact probability, under the hypothesis that `xs` and `ys` come
 * from one distribution, of a rank sum of `xs` at most the observed one, i.e. the p-value of "xs
 * tends to be smaller than ys".
 *
 * Exact for any sample sizes and with ties: ties get mid-ranks, and the null distribution is that of
 * the sum of the mid-ranks of a uniformly drawn subset of |xs| of the pooled values (a permutation
 * test on the ranks), counted by dynamic programming over the pooled values rather than by listing
 * the C(n + m, n) subsets. Doubled mid-ranks are integers, so the counts index by integer sums.
 */
export function mannWhitneyLess(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const m = ys.length;
  if (n === 0 || m === 0) throw new RangeError('mannWhitneyLess needs at least one value in each sample');
  const pooled = [...xs.map((v) => ({ v, x: true })), ...ys.map((v) => ({ v, x: false }))];
  if (pooled.some((p) => Number.isNaN(p.v))) throw new RangeError('mannWhitneyLess: NaN in a sample');
  pooled.sort((a, b) => a.v - b.v);
  const total = n + m;
  // Twice the mid-rank of each pooled value (ranks from 1).
  const rank2 = new Array<number>(total);
  for (let i = 0; i < total;) {
    let j = i;
    while (j + 1 < total && pooled[j + 1]!.v === pooled[i]!.v) j++;
    for (let k = i; k <= j; k++) rank2[k] = i + j + 2;
    i = j + 1;
  }
  let observed = 0;
  pooled.forEach((p, i) => {
    if (p.x) observed += rank2[i]!;
  });
  const maxSum = rank2.reduce((a, b) => a + b, 0);
  // ways[k][s]: subsets of k of the values seen so far with doubled rank sum s (floats: counts up to
  // C(n + m, n) stay exact below 2^53 for every sample a test can afford).
  const ways = Array.from({ length: n + 1 }, () => new Float64Array(maxSum + 1));
  ways[0]![0] = 1;
  for (const r of rank2) {
    for (let k = n; k >= 1; k--) {
      const into = ways[k]!;
      const from = ways[k - 1]!;
      for (let s = maxSum; s >= r; s--) into[s]! += from[s - r]!;
    }
  }
  let atMost = 0;
  let all = 0;
  ways[n]!.forEach((count, s) => {
    all += count;
    if (s <= observed) atMost += count;
  });
  return atMost / all;
}
