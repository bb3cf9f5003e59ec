import type { CliIo } from '../Command';

/** A one-line progress bar on stderr, redrawn at most every 100 ms; silent when stderr is not a terminal. */
export class ProgressBar {
  private last = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly io: CliIo,
    private readonly total: number,
    private readonly unit: string,
  ) {
    this.enabled = total > 0 && Boolean(process.stderr.isTTY) && io.env['CI'] === undefined;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const fraction = Math.min(1, done / this.total);
    const width = 30;
    const filled = Math.round(fraction * width);
    this.io.stderr(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(done)}/${this.total} ${this.unit} `);
  }

  done(): void {
    if (this.enabled) this.io.stderr('\n');
  }
}
