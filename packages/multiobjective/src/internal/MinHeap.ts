/**
 * Binary min-heap of (key, id, stamp) triples in typed arrays; ties on key pop the smaller id
 * first so every greedy selection built on it is deterministic.
 */
export class MinHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  private stamps: Int32Array;
  size = 0;

  constructor(capacity: number) {
    const c = Math.max(4, capacity);
    this.keys = new Float64Array(c);
    this.ids = new Int32Array(c);
    this.stamps = new Int32Array(c);
  }

  push(key: number, id: number, stamp: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    const { keys, ids, stamps } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! < key || (keys[p] === key && ids[p]! < id)) break;
      move(keys, ids, stamps, p, i);
      i = p;
    }
    set(keys, ids, stamps, i, key, id, stamp);
  }

  topKey(): number {
    return this.keys[0]!;
  }
  topId(): number {
    return this.ids[0]!;
  }
  topStamp(): number {
    return this.stamps[0]!;
  }

  pop(): void {
    const { keys, ids, stamps } = this;
    const n = --this.size;
    if (n === 0) return;
    const key = keys[n]!;
    const id = ids[n]!;
    const stamp = stamps[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (keys[c + 1]! < keys[c]! || (keys[c + 1] === keys[c] && ids[c + 1]! < ids[c]!))) c++;
      if (key < keys[c]! || (key === keys[c] && id < ids[c]!)) break;
      move(keys, ids, stamps, c, i);
      i = c;
    }
    set(keys, ids, stamps, i, key, id, stamp);
  }

  private grow(): void {
    this.keys = grown(this.keys);
    this.ids = grown(this.ids);
    this.stamps = grown(this.stamps);
  }
}

/** Copies entry `from` to slot `to`. */
function move(keys: Float64Array, ids: Int32Array, stamps: Int32Array, from: number, to: number): void {
  keys[to] = keys[from]!;
  ids[to] = ids[from]!;
  stamps[to] = stamps[from]!;
}

function set(keys: Float64Array, ids: Int32Array, stamps: Int32Array, i: number, key: number, id: number, stamp: number): void {
  keys[i] = key;
  ids[i] = id;
  stamps[i] = stamp;
}

/** A copy of `a` in an array of the same type twice as long. */
function grown<T extends Float64Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(2 * a.length);
  b.set(a);
  return b;
}
