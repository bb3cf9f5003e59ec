/**
 * Mixes a 32-bit key with a list of labels into a new 32-bit key.
 * Strings are folded with FNV-1a, numbers as their float64 words, and every step goes through
 * the murmur3 finaliser, so nearby inputs (trial 7 vs 8) give unrelated keys.
 */
export function hashSeed(key: number, labels: readonly (string | number)[]): number {
  let h = mix32(key ^ 0x9e3779b9);
  for (const label of labels) {
    if (typeof label === 'string') {
      let f = 0x811c9dc5;
      for (let i = 0; i < label.length; i++) {
        f ^= label.charCodeAt(i);
        f = Math.imul(f, 0x01000193);
      }
      h = mix32(h ^ f ^ 0x5bd1e995);
    } else if (Number.isInteger(label) && Math.abs(label) < 2 ** 31) {
      h = mix32(h ^ mix32((label | 0) + 0x632be5ab));
    } else {
      scratch[0] = label;
      h = mix32(h ^ mix32((words[0] as number) ^ 0x27d4eb2f));
      h = mix32(h ^ mix32((words[1] as number) ^ 0x165667b1));
    }
  }
  return h >>> 0;
}

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** The murmur3 32-bit finaliser: a cheap bijective mix of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
