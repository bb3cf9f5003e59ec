import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { runCli } from '../runCli';

/** What one in-process `jahskit` call did. */
export interface CliOutcome {
  readonly argv: readonly string[];
  readonly code: number;
  readonly out: string;
  /** Standard error as a user sees it (without JAHSKIT_DEBUG). */
  readonly err: string;
  /** The class of the error that ended the command, when it reached runCli (e.g. "CliError"). */
  readonly errorClass: string | undefined;
  readonly ms: number;
}

/**
 * Runs `jahskit <argv>` in-process in `cwd`, with `stdin` as standard input. JAHSKIT_DEBUG is set so
 * that runCli prints the stack after the error line; the stack's first line names the error's class,
 * and is then removed, leaving what a user sees.
 */
export async function jahskit(argv: readonly string[], cwd: string, stdin = ''): Promise<CliOutcome> {
  const io = memoryIo(stdin, cwd);
  const start = performance.now();
  const code = await runCli(argv, { ...io, env: { ...io.env, JAHSKIT_DEBUG: '1' } });
  const ms = performance.now() - start;
  const text = io.err();
  // runCli writes "jahskit <name>: <line>\n" then "<Class>: <message>\n    at ...".
  const stack = /\n([A-Za-z]*Error)(?:\[\w+\])?: [^]*$/.exec(text);
  const err = stack === null ? text : text.slice(0, stack.index + 1);
  return { argv, code, out: io.out(), err, errorClass: stack?.[1], ms };
}

/** Errors of JavaScript and Node: an input reaching one was not checked where it came in. */
const UNTYPED = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

/** Phrases of JavaScript's own errors: a message holding one leaked an unchecked value. */
const ENGINE_PHRASES = [
  'Cannot read properties of',
  'Cannot convert',
  'is not a function',
  'is not iterable',
  'is not a constructor',
  'Maximum call stack size exceeded',
  'Invalid array length',
  'Invalid string length',
  '[object Object]',
];

/** Longest error line: describeError cuts a message at 600 characters, plus the command's prefix. */
const MAX_LINE = 800;

/**
 * What every failure of `jahskit <command>` must look like: exit 2 (usage) or 1 (anything else),
 * exactly one line on stderr, prefixed with the command, that reads as a sentence (no stack frame,
 * no leaked engine message), raised as a typed error, within `maxMs`. `success: true` also admits exit 0 (valid input).
 */
export function expectCleanOutcome(outcome: CliOutcome, command: string, options: { readonly success?: boolean; readonly maxMs?: number } = {}): void {
  const label = `jahskit ${outcome.argv.map((a) => JSON.stringify(a.length > 80 ? `${a.slice(0, 80)}...` : a)).join(' ')}\nstderr: ${outcome.err.slice(0, 1000)}`;
  expect(outcome.out + outcome.err, label).not.toContain('\n    at ');
  expect(outcome.ms, label).toBeLessThan(options.maxMs ?? 3000);
  if (outcome.code === 0 && options.success === true) return;
  expect([1, 2], label).toContain(outcome.code);
  // Notes (a deprecated flag's new name) may come first; the error itself is one line.
  const lines = outcome.err.split('\n').filter((line) => !line.startsWith('note: '));
  expect(lines, label).toHaveLength(2);
  expect(lines[1], label).toBe('');
  expect(lines[0]!.startsWith(`jahskit ${command}: `), label).toBe(true);
  expect(lines[0]!.length, label).toBeLessThanOrEqual(MAX_LINE);
  for (const phrase of ENGINE_PHRASES) expect(lines[0], label).not.toContain(phrase);
  // Quoted bytes of a binary file must not reach the terminal raw (they move the cursor, ring, erase).
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  expect(lines[0], label).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  // A typed error (CliError, CoreError, SpaceError, ...) names the parameter; Node's own do not.
  if (outcome.errorClass !== undefined) expect(UNTYPED.has(outcome.errorClass), `${label}\nclass: ${outcome.errorClass}`).toBe(false);
}

/**
 * A temporary folder that a fuzz case runs in: inputs under `in/`, the commands' output under `out/`.
 * `changesOutside` lists what changed anywhere else in it since a snapshot, so that a property can
 * say that bad input touched no file outside the output folder.
 */
export class Sandbox {
  readonly root: string;
  readonly out: string;

  constructor(prefix = 'jahskit-fuzz-') {
    this.root = mkdtempSync(join(tmpdir(), prefix));
    this.out = join(this.root, 'out');
    mkdirSync(join(this.root, 'in'));
    mkdirSync(this.out);
  }

  /** Writes `in/<name>` and returns its path relative to the sandbox. */
  input(name: string, content: string | Uint8Array): string {
    writeFileSync(join(this.root, 'in', name), content);
    return join('in', name);
  }

  /**
   * Every file (size and modification time) and folder outside `out/`. A folder's own time is left out:
   * it changes with what is made or removed in it, and those files are compared themselves.
   */
  snapshot(): Map<string, string> {
    const entries = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const rel = relative(this.root, path);
        if (rel === 'out' || rel.startsWith(`out${sep}`)) continue;
        const stat = statSync(path);
        entries.set(rel, stat.isDirectory() ? 'dir' : `${stat.size}:${stat.mtimeMs}`);
        if (stat.isDirectory()) walk(path);
      }
    };
    walk(this.root);
    return entries;
  }

  /** Paths added, removed or changed outside `out/` since `before`, except those `allowed`. */
  changesOutside(before: ReadonlyMap<string, string>, allowed: (path: string) => boolean = () => false): string[] {
    const after = this.snapshot();
    const changed = [...after].filter(([path, sig]) => before.get(path) !== sig).map(([path]) => path);
    const removed = [...before.keys()].filter((path) => !after.has(path));
    return [...changed, ...removed].filter((path) => !allowed(path));
  }

  /** Every file under `out/` (relative path -> bytes). */
  outputFiles(): Map<string, Buffer> {
    const files = new Map<string, Buffer>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.set(relative(this.out, path), readFileSync(path));
      }
    };
    walk(this.out);
    return files;
  }
}

/**
 * Values a user might type, or a hostile one: numbers at the edges of every check (signs, exponents,
 * overflow, non-finite spellings, digits of other scripts), JSON of every shape including prototype
 * keys, paths, control characters, shell and format syntax, flags where values belong, long values.
 */
export const ADVERSARIAL_VALUES: readonly string[] = [
  '',
  ' ',
  '-',
  '--',
  '-1',
  '-0',
  '0',
  '00',
  '1',
  '1.5',
  '.5',
  '5.',
  '+3',
  '1e3',
  '1e309',
  '-1e309',
  '1e-400',
  'NaN',
  'nan',
  'inf',
  '-inf',
  'Infinity',
  '-Infinity',
  '0x10',
  '0b1',
  '1_000',
  '1,000',
  '9007199254740993',
  '4294967295',
  '4294967296',
  '99999999999999999999999',
  '٣',
  '１',
  '𝟙',
  ' 1 ',
  '1 2',
  '1,,2',
  ',',
  ';',
  '{}',
  '[]',
  'null',
  'true',
  '"x"',
  '{',
  '{"a":',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '[1,2,3]',
  '{"a":{"b":{"c":{"d":{"e":[[[[[[]]]]]]}}}}}',
  '1e3s',
  '0s',
  '-5s',
  's',
  '10ss',
  'async',
  'sync',
  '../',
  '..',
  '.',
  '/',
  '/dev/null',
  '/proc/self/mem',
  'in',
  'out',
  'in/../../x',
  'file:',
  'file:/',
  'memory:',
  'a\u0000b',
  '\u0000',
  'a\nb',
  '\r\n',
  '\t',
  '\u2028',
  '\ud800',
  '🙂',
  'é',
  '%s%n%x',
  '${HOME}',
  '$(touch pwned)',
  '`touch pwned`',
  '--quiet',
  '-h',
  '--help',
  '-r',
  '--=',
  '--x=y',
  'x'.repeat(5000),
];

/** Any value for a flag: adversarial, random text of any code points, numbers, JSON. */
export const flagValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ADVERSARIAL_VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
);

export { applyByteEdits, applyJsonEdits, byteEdit, fuzzTest, jsonEdit, jsonEditValue } from '@jahskit/core/testing';
