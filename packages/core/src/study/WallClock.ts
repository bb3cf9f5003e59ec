/** Accumulated wall-clock time of the optimizer's own calls, kept out of the deterministic record. */
export interface WallClockEntry {
  readonly call: 'ask' | 'tell';
  readonly seconds: number;
}

export class WallClock {
  private readonly log: WallClockEntry[] = [];
  private askTotal = 0;
  private tellTotal = 0;
  private calls = 0;

  /**
   * @param keep whether to keep every entry (`entries`); a long streamed run keeps only the totals
   * @param listener called with each entry as it is measured (streaming writers)
   */
  constructor(
    private readonly keep = true,
    private readonly listener?: (entry: WallClockEntry, index: number) => void,
  ) {}

  measure<T>(call: 'ask' | 'tell', body: () => T): T {
    const started = performance.now();
    try {
      return body();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const entry = { call, seconds };
      if (this.keep) this.log.push(entry);
      this.listener?.(entry, this.calls);
      this.calls++;
      if (call === 'ask') this.askTotal += seconds;
      else this.tellTotal += seconds;
    }
  }

  /** Every measured call, unless the clock was made not to keep them. */
  get entries(): readonly WallClockEntry[] {
    return this.log;
  }

  get totals(): { readonly ask: number; readonly tell: number; readonly calls: number } {
    return { ask: this.askTotal, tell: this.tellTotal, calls: this.calls };
  }
}
