/**
 * Turns the counts of a two-pass radix sort, low digits in hist[0..buckets) and high digits in
 * hist[buckets..2 buckets), into the first output position of each digit's keys, in place.
 */
export function digitStarts(hist: Int32Array, buckets: number): void {
  let lo = 0;
  let hi = 0;
  for (let b = 0; b < buckets; b++) {
    const c = hist[b]!;
    hist[b] = lo;
    lo += c;
    const e = hist[buckets + b]!;
    hist[buckets + b] = hi;
    hi += e;
  }
}
