import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from '../Command';
import { CliError, describeError } from '../commandLineError';
import { parseFlags } from '../parseFlags';
import { quoteValue } from '../quoteValue';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

function parseNumber(token: string, where: string, kind: 'usage' | 'input'): number {
  const parameter = kind === 'usage' ? 'reference' : 'input';
  if (NON_FINITE.test(token)) throw new CliError(kind, `${where}: ${token} is not a finite number`, { parameter });
  if (!NUMBER.test(token)) throw new CliError(kind, `${where}: ${quoteValue(token)} is not a number`, { parameter });
  const v = Number(token);
  // Decimal notation can still overflow: 1e309 reads as Infinity.
  if (!Number.isFinite(v)) throw new CliError(kind, `${where}: ${quoteValue(token)} is beyond double precision (about ±1.8e308)`, { parameter });
  return v;
}

/**
 * Parses whitespace-separated numbers, one point per line; blank lines and lines starting with
 * '#' are ignored. Every row must have the same number of values.
 */
export function readPoints(text: string): { points: Float64Array; n: number; d: number } {
  const values: number[] = [];
  let d = 0;
  let n = 0;
  const lines = text.split(/\r?\n/);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const tokens = line.split(/\s+/);
    if (n === 0) d = tokens.length;
    else if (tokens.length !== d) {
      throw new CliError('input', `line ${l + 1}: expected ${d} values like the first point, found ${tokens.length}`, { parameter: 'input' });
    }
    for (const t of tokens) values.push(parseNumber(t, `line ${l + 1}`, 'input'));
    n++;
  }
  return { points: Float64Array.from(values), n, d };
}

/** Parses "-r 1,2,3" (commas and/or spaces). */
export function parseReference(text: string): number[] {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) throw new CliError('usage', '--reference needs at least one number, e.g. -r 1,1', { parameter: 'reference' });
  return tokens.map((t) => parseNumber(t, '--reference', 'usage'));
}

/**
 * A hypervolume as printed: finite, or an error. Finite points can still span a volume beyond double
 * precision (1e155 in each of two objectives), and a printed "Infinity" would pass for a result.
 */
export function finiteVolume(value: number, what = 'the hypervolume'): number {
  if (!Number.isFinite(value)) {
    throw new CliError('input', `${what} overflows double precision (it exceeds about 1.8e308): scale the objectives and the reference point down`, { parameter: 'input' });
  }
  return value;
}

/** Shortest decimal that reads back as the same double. */
export function formatNumber(x: number): string {
  return String(x);
}

export interface PointsCommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly needsReference: boolean;
  /** Returns the text to print; may throw a CliError or any error with a message. */
  compute(input: { points: Float64Array; n: number; d: number; reference: number[] | undefined }): string;
}

/**
 * Shared driver for the point-set commands: argument parsing, input reading, and turning every
 * failure into one stderr line with the command's prefix (never a stack trace).
 */
export async function runPointsCommand(spec: PointsCommandSpec, argv: readonly string[], io: CliIo): Promise<number> {
  const help = `(see jahskit ${spec.name} --help)`;
  try {
    const { values, positionals } = parseFlags(argv, { reference: { type: 'string', short: 'r' }, help: { type: 'boolean', short: 'h' } }, true);
    if (values.help) {
      io.stdout(`${spec.usage}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new CliError('usage', `expected at most one input file, got ${positionals.length} ${help}`, { parameter: 'file' });
    let reference: number[] | undefined;
    if (spec.needsReference) {
      if (values.reference === undefined) throw new CliError('usage', `-r/--reference <r1,r2,...> is required ${help}`, { parameter: 'reference' });
      reference = parseReference(values.reference);
    } else if (values.reference !== undefined) {
      throw new CliError('usage', `-r/--reference is not used by this command ${help}`, { parameter: 'reference' });
    }
    const file = positionals[0];
    let text: string;
    if (file === undefined || file === '-') text = await io.readStdin();
    else {
      try {
        text = await readFile(resolve(io.cwd, file), 'utf8');
      } catch (e) {
        throw new CliError('io', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { parameter: 'file' });
      }
    }
    const input = readPoints(text);
    if (reference !== undefined && input.n > 0 && reference.length !== input.d) {
      throw new CliError('input', `the reference point has ${reference.length} values but the points have ${input.d} objectives`, { parameter: 'reference' });
    }
    io.stdout(spec.compute({ ...input, reference }));
    return 0;
  } catch (error) {
    const { line, exitCode } = describeError(error);
    io.stderr(`jahskit ${spec.name}: ${line}\n`);
    return exitCode;
  }
}
