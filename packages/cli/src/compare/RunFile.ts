import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliError } from '../commandLineError';
import { LineChain } from '@jahskit/core';

/** What is on disk of one run, found by one streaming pass: nothing but the first and last line is kept. */
export interface RunFileState {
  /** Complete lines, their checksums verified. */
  readonly count: number;
  /** Contents (checksums removed) of the first and the last complete line. */
  readonly first?: string;
  readonly last?: string;
  /** Bytes of the complete lines (with newlines): anything after them is a partially written last line. */
  readonly validBytes: number;
  /** A partially written last line was found (and will be discarded). */
  readonly partial: boolean;
  /** The file ends with its `end` line. */
  readonly finished: boolean;
}

const CHUNK = 1 << 20;

/**
 * The verified contents of a run file's complete lines, read in chunks, so that a run of a million
 * trials is checked in constant memory. Only the last line can be torn (lines are appended in order),
 * so an unparsable line anywhere else means the file was changed by hand, and so does a complete line
 * whose checksum (see LineChain) does not match: that is an error rather than something to repair or
 * to analyse, since repairing would lose results and analysing would report edited ones. `parameter`
 * is the option that named the file, for the error. Returns the byte count of the complete lines.
 */
export function* runFileLines(path: string, parameter = 'out'): Generator<string, { validBytes: number; partial: boolean }> {
  if (!existsSync(path)) return { validBytes: 0, partial: false };
  const fd = openSync(path, 'r');
  const chain = new LineChain();
  // No larger than the file (plus a byte, to see its end in one read): a grid's analysis reads
  // hundreds of run files of some 50 kB, and a zeroed 1 MB buffer for each cost several times more
  // than checking their lines (60 files: 120-140 ms of CPU, now 15-45 ms).
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, fstatSync(fd).size + 1)));
  let carry: Buffer[] = [];
  let carried = 0;
  let position = 0;
  let validBytes = 0;
  let index = 0;
  try {
    for (let read = readSync(fd, buffer, 0, buffer.length, position); read > 0; read = readSync(fd, buffer, 0, buffer.length, position)) {
      position += read;
      let start = 0;
      for (let newline = buffer.indexOf(0x0a, 0); newline !== -1 && newline < read; newline = buffer.indexOf(0x0a, start)) {
        const piece = buffer.subarray(start, newline);
        const line = carried > 0 ? Buffer.concat([...carry, piece]).toString('utf8') : piece.toString('utf8');
        validBytes += carried + piece.length + 1;
        carry = [];
        carried = 0;
        start = newline + 1;
        yield openLine(chain, line, index++, path, parameter);
      }
      if (start < read) {
        carry.push(Buffer.from(buffer.subarray(start, read)));
        carried += read - start;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { validBytes, partial: carried > 0 };
}

function openLine(chain: LineChain, line: string, i: number, path: string, parameter: string): string {
  const content = chain.open(line);
  if (content !== 'unsealed' && content !== 'mismatch') return content;
  const fail = (what: string): CliError => new CliError('input', `${path}: line ${i + 1} ${what}; move the file away to rerun this run`, { parameter });
  try {
    JSON.parse(line);
  } catch {
    throw fail('is not JSON; the file was changed after it was written');
  }
  throw fail(
    content === 'mismatch'
      ? 'was changed after it was written (checksum mismatch)'
      : 'carries no checksum (changed after it was written, or written by an older jahskit)',
  );
}

/** Checks a run file in one streaming pass (see runFileLines) and says what it holds. */
export function scanRunFile(path: string, parameter = 'out'): RunFileState {
  return scan(path, parameter, undefined);
}

/** A whole run file, every line's content in memory: for analysis of finished runs. */
export function readRunFile(path: string, parameter = 'out'): RunFileState & { readonly lines: readonly string[] } {
  const lines: string[] = [];
  return { ...scan(path, parameter, lines), lines };
}

/** One pass over a run file's lines; each line's content goes to `keep` too when given. */
function scan(path: string, parameter: string, keep: string[] | undefined): RunFileState {
  let count = 0;
  let first: string | undefined;
  let last: string | undefined;
  const lines = runFileLines(path, parameter);
  for (let next = lines.next(); ; next = lines.next()) {
    if (next.done === true) {
      return {
        count,
        ...(first !== undefined ? { first } : {}),
        ...(last !== undefined ? { last } : {}),
        validBytes: next.value.validBytes,
        partial: next.value.partial,
        finished: last !== undefined && last.startsWith('{"end":'),
      };
    }
    if (count === 0) first = next.value;
    last = next.value;
    keep?.push(next.value);
    count++;
  }
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
  /** The recorded lines, read one by one as the rerun reproduces them. */
  private readonly recorded: Iterator<string>;

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
    this.recorded = runFileLines(path);
  }

  write(line: string): void {
    // Sealed even when already on disk: the chain must run through the recorded lines to continue.
    const sealed = this.chain.seal(line);
    if (this.index < this.state.count) {
      if (this.recorded.next().value !== line) {
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
    if (this.index < this.state.count) {
      throw new CliError(
        'input',
        `${this.path}: holds ${this.state.count} lines but the rerun produced ${this.index}; not overwriting it — move the file away to rerun`,
        {
          parameter: 'out',
        },
      );
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.recorded.return?.(undefined);
    closeSync(this.fd);
  }

  private appendedBytes = 0;
  private closed = false;
}
