import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyByteEdits, byteEdit, fuzzTest } from '@jahskit/core/testing';
import { describe, expect } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { NASHPOBENCH2_FIXTURE_DIR } from './nashpobench2Fixtures';
import { unpickle } from './unpickle';

/**
 * unpickle over three kinds of input: the fixture pickles (official shapes) with bytes edited, random
 * bytes, and programs of random opcodes with random arguments, which reach every branch of the stack
 * machine (memo references, marks, containers of containers, globals, REDUCE and BUILD) far more often
 * than random bytes do. Whatever the input, it returns a value or fails with a 'corrupt-data'
 * BenchmarkError naming the file, in bounded time and memory.
 */
const FILE = '/data/bench12.pkl';
const fixtures = ['avgaccs200.pkl', 'cellinfo.pkl'].map((name) => readFileSync(join(NASHPOBENCH2_FIXTURE_DIR, name)));

/** Opcodes with arguments, by what they read: a byte, two, four, eight, or a newline-ended line (or two). */
/** Opcodes without arguments that push a value (or a MARK), and those that take from the stack. */
const PUSHES = [0x28, 0x4e, 0x88, 0x89, 0x29, 0x5d, 0x7d, 0x8f];
const NO_ARGUMENT = [
  0x2e, 0x30, 0x31, 0x32, 0x85, 0x86, 0x87, 0x74, 0x6c, 0x61, 0x65, 0x64, 0x73, 0x75, 0x90, 0x91, 0x94, 0x93, 0x52, 0x81, 0x92, 0x6f, 0x62, 0x50, 0x51, 0x97,
  0x98,
];
const ONE_BYTE = [0x80, 0x4b, 0x71, 0x68, 0x8a, 0x8c, 0x55, 0x43, 0x82];
const TWO_BYTES = [0x4d, 0x83];
const FOUR_BYTES = [0x4a, 0x72, 0x6a, 0x8b, 0x58, 0x54, 0x42, 0x84];
const EIGHT_BYTES = [0x95, 0x47, 0x8d, 0x8e, 0x96];
const LINE = [0x49, 0x4c, 0x46, 0x56, 0x53, 0x70, 0x67];
const TWO_LINES = [0x63, 0x69];

const line = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '-1',
    '01',
    '00',
    '3.5',
    'nan',
    'inf',
    '12345678901234567890L',
    "'abc'",
    '"x"',
    'numpy',
    'dtype',
    'builtins',
    'eval',
    'os',
    'system',
    '\\u00e9',
    '',
  ),
  fc.string({ maxLength: 8 }).map((s) => s.replaceAll('\n', '')),
);
const smallNumber = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 255 }));
const le = (n: number, bytes: number): number[] => Array.from({ length: bytes }, (_, i) => Math.floor(n / 256 ** i) % 256);

const instruction: fc.Arbitrary<number[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PUSHES).map((op) => [op]) },
  { weight: 5, arbitrary: fc.constantFrom(...NO_ARGUMENT).map((op) => [op]) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...ONE_BYTE), smallNumber)
      .map(([op, n]) => [op, n, ...Array.from({ length: op === 0x8c || op === 0x55 || op === 0x43 || op === 0x8a ? Math.min(n, 8) : 0 }, () => 0x61)]),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TWO_BYTES), smallNumber).map(([op, n]) => [op, ...le(n, 2)]) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...FOUR_BYTES), fc.oneof(smallNumber, fc.constantFrom(2 ** 31, 2 ** 32 - 1)))
      .map(([op, n]) => [op, ...le(n, 4), ...(op === 0x58 || op === 0x54 || op === 0x42 ? Array.from({ length: Math.min(n, 8) }, () => 0x62) : [])]),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...EIGHT_BYTES), fc.oneof(smallNumber, fc.constant(2 ** 40))).map(([op, n]) => [op, ...le(n, 8)]) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...LINE), line).map(([op, text]) => [op, ...Buffer.from(`${text}\n`, 'latin1')]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TWO_LINES), line, line).map(([op, a, b]) => [op, ...Buffer.from(`${a}\n${b}\n`, 'latin1')]) },
);
const program = fc.array(instruction, { maxLength: 60 }).map((ops) => Uint8Array.from([0x80, 4, ...ops.flat(), 0x2e]));

const input = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...fixtures), fc.array(byteEdit, { minLength: 1, maxLength: 4 })).map(([bytes, edits]) => applyByteEdits(bytes, edits)),
  },
  { weight: 4, arbitrary: program },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
);

describe('unpickle over edited and generated pickles', () => {
  fuzzTest('returns a value or fails as corrupt-data naming the file, in bounded time', [input], 600, (bytes) => {
    const start = performance.now();
    try {
      unpickle(bytes, FILE);
    } catch (error) {
      expect(BenchmarkError.is(error), String((error as Error)?.stack ?? error)).toBe(true);
      expect((error as BenchmarkError).kind).toBe('corrupt-data');
      expect((error as BenchmarkError).parameter).toBe(FILE);
      expect((error as BenchmarkError).message.startsWith(`${FILE}: `)).toBe(true);
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
