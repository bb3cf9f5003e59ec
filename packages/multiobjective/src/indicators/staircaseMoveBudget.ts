/**
 * How many entry moves the 3-D sweeps with a sorted-array staircase (hypervolume3dKernel,
 * hypervolumeContributions3dSmall) may make before giving up for their bit-tree versions.
 *
 * The sorted array needs one sort (by z) where the bit tree needs two, but each insertion shifts
 * the entries after it: on fronts about 20 n moves at 1000 points, 60-120 n at 10k, 200-500 n at
 * 100k, O(n^2) in the worst case (x rising as z falls, or every point at one height). At least
 * 64 moves per point, 2 sqrt(n) from 1024 points, which fronts stay under; past it the work
 * thrown away costs about what a front of the same size does. The hypervolume's bit tree is
 * lighter, and wins on fronts past 4096 points (its SORTED_MAX). The contributions' array keeps
 * gaps where entries left, so it moves far less on fronts (about half a move and a few gap writes
 * a point at 1000 points) and counts its re-layouts against the same budget; the worst cases
 * above still exhaust it.
 */
export function staircaseMoveBudget(n: number): number {
  return n * Math.max(64, 2 * Math.sqrt(n));
}
