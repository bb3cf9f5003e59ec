/**
 * The distinct rows of an n x d row-major set, when it has many exact copies: `data` holds one
 * row per distinct point (first occurrence order) in its first n x d values and `of[i]` is the
 * distinct row of input row i; both are buffers kept between calls, valid until the next one.
 * Undefined when copies are rare (the caller then works on the input as it is).
 *
 * Rows are hashed by their bits (the 2d 32-bit words of a row) and then compared by value, so 0
 * and -0 may count as different: a pair of equal points may stay as two rows, which the
 * kernels handle anyway. A random sample of about 4 sqrt(n) rows is checked first, so that sets
 * without copies pay a few microseconds: with every point repeated c times the sample finds
 * about 8 (c - 1) equal pairs whatever n, with none it finds none. O(n d) expected when it
 * runs. Values are not checked: a NaN equals no row, so a row holding one is always distinct.
 */
export function distinctRows(points: Float64Array, n: number, d: number): { data: Float64Array; n: number; of: Int32Array } | undefined {
  // The 3-D kernels are O(n log n) and reject a copy in a binary search: below 1000 rows the
  // sample alone cost a tenth of a front's hypervolume. From 4 objectives on they are
  // superlinear, and copies pay to remove early.
  if (n < (d >= 4 ? 64 : 1000)) return undefined;
  const words = new Int32Array(points.buffer, points.byteOffset, 2 * n * d);
  // Rows drawn at random (a fixed xorshift stream): a strided sample can miss every copy of a
  // periodic layout.
  const sample = Math.ceil(4 * Math.sqrt(n));
  let bits = 1;
  while (1 << bits < 2 * sample) bits++;
  const probe = tableBuffer(1 << bits);
  let pairs = 0;
  // Kept in int32 (0x9e3779b9 alone is a double) and the draw scaled by a multiply, not taken
  // modulo n from an unsigned value past 2^31: both made the loop, and insert with it, run on
  // doubles (the sample cost 3 us at 1000 rows, half of it that).
  let s = 0x9e3779b9 | 0;
  // Two pairs decide it: sets full of copies stop after a few dozen draws, not 4 sqrt(n).
  for (let k = 0; k < sample && pairs < 2; k++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const i = Math.floor(((s >>> 11) * n) / 2097152);
    // A row drawn twice finds itself, which is not a pair.
    if (insert(points, d, words, i, probe, bits) !== i) pairs++;
  }
  if (pairs < 2) return undefined;
  bits = 1;
  while (1 << bits < 2 * n) bits++;
  const table = tableBuffer(1 << bits);
  if (ofBuffer.length < n) {
    ofBuffer = new Int32Array(Math.min(KEEP, Math.max(n, 2 * ofBuffer.length)));
    firstBuffer = new Int32Array(ofBuffer.length);
  }
  const of = n <= KEEP ? ofBuffer : new Int32Array(n);
  if (d === 3) {
    // Room for every row, since the rows are written as they are found (the kept buffer grows
    // to 3n values, at most 1.5 MB, instead of 3 values per distinct row).
    if (dataBuffer.length < 3 * n && n <= KEEP) dataBuffer = new Float64Array(Math.min(KEEP * 3, Math.max(3 * n, 2 * dataBuffer.length)));
    const data = n <= KEEP ? dataBuffer : new Float64Array(3 * n);
    const m = distinct3(points, n, words, table, bits, of, data);
    return m * 8 > n * 7 ? undefined : { data, n: m, of };
  }
  const first = n <= KEEP ? firstBuffer : new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const r = insert(points, d, words, i, table, bits);
    if (r === i) {
      first[m] = i;
      // The table keeps input rows; `of` needs distinct numbers: remember i's number in `of`.
      of[i] = m++;
    } else of[i] = of[r]!;
  }
  // Few copies: not worth a second copy of the set.
  if (m * 8 > n * 7) return undefined;
  if (dataBuffer.length < m * d && m <= KEEP) dataBuffer = new Float64Array(Math.min(KEEP * d, Math.max(m * d, 2 * dataBuffer.length)));
  const data = m <= KEEP ? dataBuffer : new Float64Array(m * d);
  for (let k = 0; k < m; k++) {
    const o = first[k]! * d;
    for (let j = 0; j < d; j++) data[k * d + j] = points[o + j]!;
  }
  return { data, n: m, of };
}

// Buffers kept between calls (the result is valid until the next call): at 100 rows, allocating
// them cost more than the rest of the work.
const KEEP = 1 << 16;
let tableScratch = new Int32Array(256);
let ofBuffer = new Int32Array(0);
let firstBuffer = new Int32Array(0);
let dataBuffer = new Float64Array(0);

/** An open-addressing table of `size` empty (-1) slots. */
function tableBuffer(size: number): Int32Array {
  if (size > 2 * KEEP) return new Int32Array(size).fill(-1);
  if (tableScratch.length < size) tableScratch = new Int32Array(size);
  const t = tableScratch.subarray(0, size);
  t.fill(-1);
  return t;
}

/** Row i into the open-addressing table: returns the row already there with the same bits, or i. */
function insert(points: Float64Array, d: number, words: Int32Array, i: number, table: Int32Array, bits: number): number {
  const o = 2 * i * d;
  let h = 0x811c9dc5;
  // One multiply per coordinate, on its two words folded together; unrolled for d = 3, the
  // common case (a fifth less time per row).
  if (d === 3) {
    h = Math.imul(h ^ words[o]! ^ words[o + 1]!, 0x01000193);
    h = Math.imul(h ^ words[o + 2]! ^ words[o + 3]!, 0x01000193);
    h = Math.imul(h ^ words[o + 4]! ^ words[o + 5]!, 0x01000193);
  } else for (let j = 0; j < 2 * d; j += 2) h = Math.imul(h ^ words[o + j]! ^ words[o + j + 1]!, 0x01000193);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  const mask = (1 << bits) - 1;
  let slot = (h ^ (h >>> 13)) & mask;
  const a = i * d;
  for (;;) {
    const r = table[slot]!;
    if (r < 0) {
      table[slot] = i;
      return i;
    }
    // Equal bits give equal values; equal values (0 and -0) with other bits never meet here.
    const b = r * d;
    let j = 0;
    while (j < d && points[b + j] === points[a + j]) j++;
    if (j === d) return r;
    slot = (slot + 1) & mask;
  }
}

/**
 * The first-occurrence pass of distinctRows for d = 3, hashing and comparing inline: writes the
 * distinct rows to `data` as it finds them, and the table holds their numbers there, so a copy
 * is compared with a row of the compact `data` and gets its number without a second lookup, and
 * no copying pass follows. Returns the number of distinct rows. Against `insert` per row, 0.85x
 * the time of the 3-D sort of 1000 and 10k rows of 10 copies each (in-process A/B, Node 20).
 */
function distinct3(points: Float64Array, n: number, words: Int32Array, table: Int32Array, bits: number, of: Int32Array, data: Float64Array): number {
  const mask = (1 << bits) - 1;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const o = 6 * i;
    let h = Math.imul(0x811c9dc5 ^ words[o]! ^ words[o + 1]!, 0x01000193);
    h = Math.imul(h ^ words[o + 2]! ^ words[o + 3]!, 0x01000193);
    h = Math.imul(h ^ words[o + 4]! ^ words[o + 5]!, 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    let slot = (h ^ (h >>> 13)) & mask;
    const a = 3 * i;
    const x = points[a]!;
    const y = points[a + 1]!;
    const z = points[a + 2]!;
    for (;;) {
      const r = table[slot]!;
      if (r < 0) {
        table[slot] = m;
        data[3 * m] = x;
        data[3 * m + 1] = y;
        data[3 * m + 2] = z;
        of[i] = m++;
        break;
      }
      const b = 3 * r;
      if (data[b] === x && data[b + 1] === y && data[b + 2] === z) {
        of[i] = r;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return m;
}
