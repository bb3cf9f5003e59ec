import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../Command';

/** A problem with the user's input: one line on stderr, exit code 1 (data) or 2 (usage). */
export class PointsInputError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

function parseNumber(token: string, where: string): number {
  if (NON_FINITE.test(token)) throw new PointsInputError(`${where}: ${token} is not a finite number`, 1);
  if (!NUMBER.test(token)) throw new PointsInputError(`${where}: '${token}' is not a number`, 1);
  const v = Number(token);
  if (!Number.isFinite(v)) throw new PointsInputError(`${where}: ${token} is not a finite number`, 1);
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
      throw new PointsInputError(`line ${l + 1}: expected ${d} values like the first point, found ${tokens.length}`, 1);
    }
    for (const t of tokens) values.push(parseNumber(t, `line ${l + 1}`));
    n++;
  }
  return { points: Float64Array.from(values), n, d };
}

/** Parses "-r 1,2,3" (commas and/or spaces). */
export function parseReference(text: string): number[] {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) throw new PointsInputError('--reference needs at least one number, e.g. -r 1,1', 2);
  return tokens.map((t) => {
    try {
      return parseNumber(t, '--reference');
    } catch (e) {
      throw new PointsInputError((e as Error).message, 2);
    }
  });
}

/** Shortest decimal that reads back as the same double. */
export function formatNumber(x: number): string {
  return String(x);
}

export interface PointsCommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly needsReference: boolean;
  /** Returns the text to print; may throw PointsInputError or any error with a message. */
  compute(input: { points: Float64Array; n: number; d: number; reference: number[] | undefined }): string;
}

/**
 * Shared driver for the point-set commands: argument parsing, input reading, and turning every
 * failure into one stderr line with the command's prefix (never a stack trace).
 */
export async function runPointsCommand(spec: PointsCommandSpec, argv: readonly string[], io: CliIo): Promise<number> {
  const prefix = `jahskit ${spec.name}: `;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: true,
        options: {
          reference: { type: 'string', short: 'r' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (e) {
      throw new PointsInputError(`${(e as Error).message.split('\n')[0]} (see jahskit ${spec.name} --help)`, 2);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${spec.usage}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new PointsInputError(`expected at most one input file, got ${positionals.length} (see jahskit ${spec.name} --help)`, 2);
    let reference: number[] | undefined;
    if (spec.needsReference) {
      if (values.reference === undefined) throw new PointsInputError(`-r/--reference <r1,r2,...> is required (see jahskit ${spec.name} --help)`, 2);
      reference = parseReference(values.reference);
    } else if (values.reference !== undefined) {
      throw new PointsInputError(`-r/--reference is not used by this command (see jahskit ${spec.name} --help)`, 2);
    }
    const file = positionals[0];
    let text: string;
    if (file === undefined || file === '-') text = await io.readStdin();
    else {
      const path = resolve(io.cwd, file);
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        throw new PointsInputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 1);
      }
    }
    const input = readPoints(text);
    if (reference !== undefined && input.n > 0 && reference.length !== input.d) {
      throw new PointsInputError(`the reference point has ${reference.length} values but the points have ${input.d} objectives`, 1);
    }
    io.stdout(spec.compute({ ...input, reference }));
    return 0;
  } catch (e) {
    const code = e instanceof PointsInputError ? e.exitCode : 1;
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
    io.stderr(`${prefix}${message}\n`);
    return code;
  }
}
