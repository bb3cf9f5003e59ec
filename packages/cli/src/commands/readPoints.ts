import { toMinimization, type ObjectiveDirection } from '@jahskit/multiobjective';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo, Command } from '../Command';
import { CliError, describeError } from '../commandLineError';
import { defineCommand } from '../defineCommand';
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

/** One point set of the input: `n` points of the file's `d` objectives, row-major. */
interface PointSet {
  readonly points: Float64Array;
  readonly n: number;
}

interface ReadPointSetsOptions {
  /** Treat the whole text as one set, blank lines and comments included (moocore's `--union`). */
  readonly union?: boolean;
  /** The file's name, put before the line number in error messages; none for standard input. */
  readonly source?: string;
}

/**
 * Parses point sets as moocore's tools read them: whitespace-separated numbers, one point per line,
 * every row with the same number of values; a blank line or a line starting with '#' ends the
 * current set (several in a row end it once), so each set gets its own result. Returns no sets for
 * an input without points.
 */
function readPointSets(text: string, options: ReadPointSetsOptions = {}): { readonly sets: PointSet[]; readonly d: number } {
  const sets: PointSet[] = [];
  let values: number[] = [];
  let d = 0;
  const close = () => {
    if (values.length === 0) return;
    sets.push({ points: Float64Array.from(values), n: values.length / d });
    values = [];
  };
  const lines = text.split(/\r?\n/);
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '' || line.startsWith('#')) {
      if (options.union !== true) close();
      continue;
    }
    const where = options.source === undefined ? `line ${l + 1}` : `${options.source}: line ${l + 1}`;
    const tokens = line.split(/\s+/);
    if (d === 0) d = tokens.length;
    else if (tokens.length !== d) {
      throw new CliError('input', `${where}: expected ${d} values like the first point, found ${tokens.length}`, { parameter: 'input' });
    }
    for (const t of tokens) values.push(parseNumber(t, where, 'input'));
  }
  close();
  return { sets, d };
}

/** Parses "-r 1,2,3" (commas and/or spaces, so moocore's `-r "1 2 3"` works too). */
function parseReference(text: string): number[] {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) throw new CliError('usage', '--reference needs at least one number, e.g. -r 1,1', { parameter: 'reference' });
  return tokens.map((t) => parseNumber(t, '--reference', 'usage'));
}

/** Parses moocore's `--obj=+-+`: one `+` (maximised) or `-` (minimised) per objective. */
function parseObjectives(text: string): ObjectiveDirection[] {
  const allowed = 'one + (maximise) or - (minimise) per objective, e.g. --obj=-+';
  if (text === '') throw new CliError('usage', `-o/--obj needs ${allowed}`, { parameter: 'obj' });
  return Array.from(text, (c, i) => {
    if (c === '+') return 'maximize';
    if (c === '-') return 'minimize';
    const what = c === 'i' || c === '0' ? `${quoteValue(c)} (ignore an objective) is not supported` : `${quoteValue(c)} at position ${i + 1} is not + or -`;
    throw new CliError('usage', `-o/--obj ${quoteValue(text)}: ${what}; allowed: ${allowed}`, { parameter: 'obj' });
  });
}

/**
 * A hypervolume as printed: finite, or an error. Finite points can still span a volume beyond double
 * precision (1e155 in each of two objectives), and a printed "Infinity" would pass for a result.
 */
export function finiteVolume(value: number, what = 'the hypervolume'): number {
  if (!Number.isFinite(value)) {
    throw new CliError('input', `${what} overflows double precision (it exceeds about 1.8e308): scale the objectives and the reference point down`, {
      parameter: 'input',
    });
  }
  return value;
}

/** Shortest decimal that reads back as the same double. */
export function formatNumber(x: number): string {
  return String(x);
}

/** What a command computes from: every set of every input, turned to minimisation, and the reference likewise. */
interface PointsInput {
  readonly sets: readonly PointSet[];
  readonly d: number;
  readonly reference: number[] | undefined;
  /** The command's own boolean flags (see {@link PointsCommandSpec.flags}). */
  readonly flags: Readonly<Record<string, boolean | undefined>>;
}

export interface PointsCommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly needsReference: boolean;
  /** Boolean flags of this command only (hv's `-c/--contributions`), by long name with their short letter. */
  readonly flags?: Readonly<Record<string, { readonly short?: string }>>;
  /**
   * The results (one JSON document with `--json`, stable keys) and, from them, the text printed
   * otherwise; may throw a CliError or any error with a message.
   */
  compute(input: PointsInput): PointsOutput;
}

/** What a point-set command prints: `json` with `--json`, else `text`. */
interface PointsOutput {
  readonly json: Readonly<Record<string, unknown>>;
  readonly text: string;
}

/** The flags of a point-set command: moocore's, `--json`, and the command's own booleans. */
function pointsFlags(own: PointsCommandSpec['flags'] = {}) {
  return {
    reference: { type: 'string', short: 'r' },
    obj: { type: 'string', short: 'o' },
    maximise: { type: 'boolean' },
    maximize: { type: 'boolean' },
    union: { type: 'boolean', short: 'u' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
    json: { type: 'boolean' },
    ...Object.fromEntries(Object.entries(own).map(([name, f]) => [name, { type: 'boolean' as const, ...(f.short === undefined ? {} : { short: f.short }) }])),
  } as const;
}

/**
 * moocore's getopt takes the word after `-o` as its value whatever it is, so `-o --` (both
 * minimised) and `-o -+` work there; joined as `--obj=<word>` they work here too.
 */
function joinObjValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if ((token === '-o' || token === '--obj') && i + 1 < argv.length) {
      out.push(`--obj=${argv[i + 1] as string}`);
      i++;
    } else out.push(token);
  }
  return out;
}

/**
 * A point-set command: moocore's command line (files or standard input, sets separated by blank lines,
 * `-u/--union`, `-r/--reference`, `-o/--obj`, `--maximise`), input reading, and every failure turned
 * into one stderr line with the command's prefix (never a stack trace), as moocore's tools print them
 * also when the command is run on its own rather than through runCli.
 */
export function pointsCommand(spec: PointsCommandSpec): Command {
  const help = `(see jahskit ${spec.name} --help)`;
  const command = defineCommand(
    { name: spec.name, summary: spec.summary, usage: spec.usage, flags: pointsFlags(spec.flags), positionals: true },
    async ({ values, positionals }, io) => {
      if (values.help) {
        io.stdout(`${spec.usage}\n`);
        return 0;
      }
      let reference: number[] | undefined;
      if (spec.needsReference) {
        if (values.reference === undefined) throw new CliError('usage', `-r/--reference <r1,r2,...> is required ${help}`, { parameter: 'reference' });
        reference = parseReference(values.reference);
      } else if (values.reference !== undefined) {
        throw new CliError('usage', `-r/--reference is not used by this command ${help}`, { parameter: 'reference' });
      }
      const maximiseAll = values.maximise === true || values.maximize === true;
      if (maximiseAll && values.obj !== undefined) {
        throw new CliError('usage', `give either --maximise or -o/--obj, not both ${help}`, { parameter: 'obj' });
      }
      const directions = values.obj === undefined ? undefined : parseObjectives(values.obj);

      const files = positionals.length === 0 ? ['-'] : positionals;
      const sets: PointSet[] = [];
      let d = 0;
      for (const file of files) {
        const read = readPointSets(await readInput(file, io), { union: values.union === true, ...(file === '-' ? {} : { source: file }) });
        if (read.sets.length === 0) continue;
        if (d !== 0 && read.d !== d) {
          throw new CliError('input', `${file === '-' ? 'standard input' : file}: the points have ${read.d} objectives but those before have ${d}`, {
            parameter: 'input',
          });
        }
        d = read.d;
        sets.push(...read.sets);
      }
      if (d > 0 && reference !== undefined && reference.length !== d) {
        throw new CliError('input', `the reference point has ${reference.length} values but the points have ${d} objectives`, { parameter: 'reference' });
      }
      if (d > 0 && directions !== undefined && directions.length !== d) {
        throw new CliError('input', `-o/--obj ${quoteValue(values.obj!)} gives ${directions.length} directions but the points have ${d} objectives`, {
          parameter: 'obj',
        });
      }
      const orient = directions ?? (maximiseAll ? new Array<ObjectiveDirection>(d).fill('maximize') : undefined);
      const input: PointsInput = {
        sets: orient === undefined ? sets : sets.map((s) => ({ points: toMinimization(s.points, d, orient), n: s.n })),
        d,
        reference: orient === undefined || reference === undefined ? reference : reference.map((r, j) => (orient[j] === 'maximize' ? -r : r)),
        flags: Object.fromEntries(Object.keys(spec.flags ?? {}).map((name) => [name, (values as Record<string, unknown>)[name] === true])),
      };
      const output = spec.compute(input);
      io.stdout(values.json === true ? `${JSON.stringify(output.json)}\n` : output.text);
      return 0;
    },
  );
  return {
    ...command,
    async run(argv, io) {
      try {
        return await command.run(joinObjValues(argv), io);
      } catch (error) {
        const { line, exitCode } = describeError(error);
        io.stderr(`jahskit ${spec.name}: ${line}\n`);
        return exitCode;
      }
    },
  };
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new CliError('io', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { parameter: 'file' });
  }
}
