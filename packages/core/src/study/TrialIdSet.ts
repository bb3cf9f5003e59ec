/**
 * A set of trial ids as a growing bitmap: optimizers number trials 0, 1, 2, ..., so a million told
 * trials take 125 kB here instead of tens of megabytes in a `Set`, which is what lets a streamed
 * study run for millions of trials in flat memory. Ids beyond the dense range fall back to a `Set`.
 */
export class TrialIdSet {
  private bits = new Uint32Array(1024);
  private readonly sparse = new Set<number>();
  private static readonly DENSE_LIMIT = 1 << 28;

  has(id: number): boolean {
    if (id >= 0 && id < TrialIdSet.DENSE_LIMIT && Number.isInteger(id)) {
      const word = id >>> 5;
      return word < this.bits.length && ((this.bits[word] as number) & (1 << (id & 31))) !== 0;
    }
    return this.sparse.has(id);
  }

  add(id: number): void {
    if (id >= 0 && id < TrialIdSet.DENSE_LIMIT && Number.isInteger(id)) {
      const word = id >>> 5;
      if (word >= this.bits.length) {
        let length = this.bits.length;
        while (length <= word) length *= 2;
        const grown = new Uint32Array(length);
        grown.set(this.bits);
        this.bits = grown;
      }
      this.bits[word] = (this.bits[word] as number) | (1 << (id & 31));
      return;
    }
    this.sparse.add(id);
  }
}
