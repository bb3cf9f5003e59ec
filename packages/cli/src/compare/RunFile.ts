import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from '../commandLineError';
import { LineChain } from './LineChain';

/** What is on disk of one run: its complete lines, and whether the run finished. */
export interface RunFileState {
  /** The contents of the newline-terminated lines, their checksums verified and removed. */
  readonly lines: readonly string[];
  /** Bytes of the complete lines (with newlines): anything after them is a partially written last line. */
  readonly validBytes: number;
  /** A partially written last line was found (and will be discarded). */
  readonly partial: boolean;
  /** The file ends with its `end` line. */
  readonly finished: boolean;
}

/**
 * Reads a run file as a killed process may have left it. Only the last line can be torn (lines are
 * appended in order), so an unparsable line anywhere else means the file was changed by hand, and so
 * does a complete line whose checksum (see LineChain) does not match: that is an error rather than
 * something to repair or to analyse, since repairing would lose results and analysing would report
 * edited ones. `parameter` is the option that named the file, for the error.
 */
export function readRunFile(path: string, parameter = 'out'): RunFileState {
  if (!existsSync(path)) return { lines: [], validBytes: 0, partial: false, finished: false };
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  const written = end === 0 ? [] : text.slice(0, end - 1).split('\n');
  const chain = new LineChain();
  const lines = written.map((line, i) => {
    const content = chain.open(line);
    if (content !== 'unsealed' && content !== 'mismatch') return content;
    const fail = (what: string): CliError => new CliError('input', `${path}: line ${i + 1} ${what}; move the file away to rerun this run`, { parameter });
    try {
      JSON.parse(line);
    } catch {
      throw fail('is not JSON; the file was changed after it was written');
    }
    throw fail(content === 'mismatch' ? 'was changed after it was written (checksum mismatch)' : 'carries no checksum (changed after it was written, or written by an older jahskit)');
  });
  const last = lines.at(-1);
  return {
    lines,
    validBytes: Buffer.byteLength(text.slice(0, end)),
    partial: end < text.length,
    finished: last !== undefined && last.startsWith('{"end":'),
  };
}

/**
 * Appends a run's lines to its file, resuming an interrupted one: the run is recomputed from the
 * start (runs are deterministic and cheap), the lines already on disk must come out identical, and
 * only the rest is appended. So an interruption loses nothing, duplicates nothing, and recorded
 * results are never overwritten; a line that comes out different stops the run with an error.
 * Callers write plain JSON-object lines: the writer seals each with its checksum (see LineChain).
 */
export class RunFileWriter {
  private index = 0;
  private pending: string[] = [];
  private readonly fd: number;
  private readonly chain = new LineChain();

  constructor(
    private readonly path: string,
    private readonly state: RunFileState,
    /** Lines buffered before a write: a kill loses at most these, and they are recomputed. */
    private readonly flushEvery = 64,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, existsSync(path) ? 'r+' : 'w');
    // The torn tail is not a result; dropping it is what lets the resumed run append cleanly.
    ftruncateSync(this.fd, state.validBytes);
  }

  write(line: string): void {
    // Sealed even when already on disk: the chain must run through the recorded lines to continue.
    const sealed = this.chain.seal(line);
    if (this.index < this.state.lines.length) {
      if (this.state.lines[this.index] !== line) {
        this.close();
        throw new CliError(
          'input',
          `${this.path}: line ${this.index + 1} on disk differs from the rerun (results of another jahskit version or settings?); not overwriting it — move the file away to rerun`,
          { parameter: 'out' },
        );
      }
    } else {
      this.pending.push(sealed);
      if (this.pending.length >= this.flushEvery) this.flush();
    }
    this.index++;
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const chunk = `${this.pending.join('\n')}\n`;
    writeSync(this.fd, chunk, this.state.validBytes + this.appendedBytes);
    this.appendedBytes += Buffer.byteLength(chunk);
    this.pending = [];
  }

  /** Writes what is buffered and checks that the rerun reproduced every recorded line. */
  finish(): void {
    this.flush();
    this.close();
    if (this.index < this.state.lines.length) {
      throw new CliError('input', `${this.path}: holds ${this.state.lines.length} lines but the rerun produced ${this.index}; not overwriting it — move the file away to rerun`, {
        parameter: 'out',
      });
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private appendedBytes = 0;
  private closed = false;
}
