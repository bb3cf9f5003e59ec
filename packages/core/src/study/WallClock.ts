/** Accumulated wall-clock time of the optimizer's own calls, kept out of the deterministic record. */
export interface WallClockEntry {
  readonly call: 'ask' | 'tell';
  readonly seconds: number;
}

export class WallClock {
  private readonly log: WallClockEntry[] = [];
  private askTotal = 0;
  private tellTotal = 0;

  measure<T>(call: 'ask' | 'tell', body: () => T): T {
    const started = performance.now();
    try {
      return body();
    } finally {
      const seconds = (performance.now() - started) / 1000;
      this.log.push({ call, seconds });
      if (call === 'ask') this.askTotal += seconds;
      else this.tellTotal += seconds;
    }
  }

  get entries(): readonly WallClockEntry[] {
    return this.log;
  }

  get totals(): { readonly ask: number; readonly tell: number; readonly calls: number } {
    return { ask: this.askTotal, tell: this.tellTotal, calls: this.log.length };
  }
}
