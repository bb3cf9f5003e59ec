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
    const keys = this.keys;
    const ids = this.ids;
    const stamps = this.stamps;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! < key || (keys[p] === key && ids[p]! < id)) break;
      keys[i] = keys[p]!;
      ids[i] = ids[p]!;
      stamps[i] = stamps[p]!;
      i = p;
    }
    keys[i] = key;
    ids[i] = id;
    stamps[i] = stamp;
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
    const keys = this.keys;
    const ids = this.ids;
    const stamps = this.stamps;
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
      keys[i] = keys[c]!;
      ids[i] = ids[c]!;
      stamps[i] = stamps[c]!;
      i = c;
    }
    keys[i] = key;
    ids[i] = id;
    stamps[i] = stamp;
  }

  private grow(): void {
    const c = this.keys.length * 2;
    const k = new Float64Array(c);
    k.set(this.keys);
    const i = new Int32Array(c);
    i.set(this.ids);
    const s = new Int32Array(c);
    s.set(this.stamps);
    this.keys = k;
    this.ids = i;
    this.stamps = s;
  }
}
