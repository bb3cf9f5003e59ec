/** Groups row indices by front: `fronts[k]` lists (ascending) the rows whose rank is k. O(n). */
export function frontsFromRanks(ranks: ArrayLike<number>): number[][] {
  const fronts: number[][] = [];
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i]!;
    while (fronts.length <= r) fronts.push([]);
    fronts[r]!.push(i);
  }
  return fronts;
}
