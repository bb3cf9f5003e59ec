/**
 * A set of integers in [0, capacity) as a 32-ary tree of bit words. Predecessor and successor
 * queries cost O(log32 capacity) word operations, which is what makes the 3-D hypervolume
 * sweeps O(n log n) without a balanced tree.
 */
export class IntegerSet {
  private readonly levels: Uint32Array[] = [];

  constructor(capacity: number) {
    let size = Math.max(1, capacity);
    do {
      size = Math.ceil(size / 32);
      this.levels.push(new Uint32Array(size));
    } while (size > 1);
  }

  add(i: number): void {
    this.update(i, true);
  }

  delete(i: number): void {
    this.update(i, false);
  }

  /**
   * Sets or clears bit i at the bottom level; a bit one level up says whether its word is
   * non-empty, so the climb stops at the first word whose emptiness did not change.
   */
  private update(i: number, member: boolean): void {
    const levels = this.levels;
    for (let l = 0; l < levels.length; l++) {
      const words = levels[l]!;
      const w = i >>> 5;
      const before = words[w]!;
      const bit = 1 << (i & 31);
      const after = member ? before | bit : before & ~bit;
      words[w] = after;
      if ((before === 0) === (after === 0)) return;
      i = w;
    }
  }

  /** Smallest member >= i, or -1. */
  next(i: number): number {
    const levels = this.levels;
    let l = 0;
    // Climb until a word holds a member at or after the position.
    for (;;) {
      if (l === levels.length) return -1;
      const words = levels[l]!;
      const w = i >>> 5;
      if (w >= words.length) return -1;
      const bits = words[w]! & (0xffffffff << (i & 31));
      if (bits !== 0) {
        i = (w << 5) + ctz(bits);
        break;
      }
      i = w + 1;
      l++;
    }
    // Descend taking the lowest member each time.
    while (l > 0) {
      l--;
      i = (i << 5) + ctz(levels[l]![i]!);
    }
    return i;
  }

  /** Largest member <= i, or -1. */
  prev(i: number): number {
    if (i < 0) return -1;
    const levels = this.levels;
    let l = 0;
    for (;;) {
      if (l === levels.length) return -1;
      const words = levels[l]!;
      const w = i >>> 5;
      const bits = words[w]! & (0xffffffff >>> (31 - (i & 31)));
      if (bits !== 0) {
        i = (w << 5) + 31 - Math.clz32(bits);
        break;
      }
      if (w === 0) return -1;
      i = w - 1;
      l++;
    }
    while (l > 0) {
      l--;
      i = (i << 5) + 31 - Math.clz32(levels[l]![i]!);
    }
    return i;
  }
}

function ctz(x: number): number {
  return 31 - Math.clz32(x & -x);
}
