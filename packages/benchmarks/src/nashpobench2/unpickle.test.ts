import { describe, expect, test, vi } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { PICKLE_LIMITS, unpickle, type PickleLimits } from './unpickle';

const FILE = '/data/bench12.pkl';

// {'valid_acc_0': {('ab', 0.1, 256, 222): np.float64(91.25)}, 'seed': {(...): np.int64(222)}} as
// pandas may leave it, pickled by numpy 2.4 with protocols 4 and 2 (protocol 2 wraps bytes in
// _codecs.encode). Generated once with `pickle.dumps(d, protocol=p)`; numpy is not needed to run this.
const PROTOCOL_4 =
  'gASV1gAAAAAAAAB9lCiMC3ZhbGlkX2FjY18wlH2UKIwCYWKURz+5mZmZmZmaTQABS950lIwWbnVtcHkuX2NvcmUubXVsdGlhcnJheZSMBnNjYWxhcpSTlIwFbnVtcHmUjAVkdHlwZZSTlIwCZjiUiYiHlFKUKEsDjAE8lE5OTkr/////Sv////9LAHSUYkMIAAAAAADQVkCUhpRSlHOMBHNlZWSUfZRoBGgHaAqMAmk4lImIh5RSlChLA2gOTk5OSv////9K/////0sAdJRiQwjeAAAAAAAAAJSGlFKUc3Uu';
const PROTOCOL_2 =
  'gAJ9cQAoWAsAAAB2YWxpZF9hY2NfMHEBfXECKFgCAAAAYWJxA0c/uZmZmZmZmk0AAUvedHEEY251bXB5Ll9jb3JlLm11bHRpYXJyYXkKc2NhbGFyCnEFY251bXB5CmR0eXBlCnEGWAIAAABmOHEHiYiHcQhScQkoSwNYAQAAADxxCk5OTkr/////Sv////9LAHRxC2JjX2NvZGVjcwplbmNvZGUKcQxYCQAAAAAAAAAAw5BWQHENWAYAAABsYXRpbjFxDoZxD1JxEIZxEVJxEnNYBAAAAHNlZWRxE31xFGgEaAVoBlgCAAAAaThxFYmIh3EWUnEXKEsDaApOTk5K/////0r/////SwB0cRhiaAxYCQAAAMOeAAAAAAAAAHEZaA6GcRpScRuGcRxScR1zdS4=';

// x = [1, 2]; {'s': 'héllo ✓', 'i': [0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31, 2**53 - 1, 2**62, -2**70],
// 'f': [0.5, -1e300, inf, 0.1], 't': (1, (2, 3), ()), 'n': None, 'bool': [True, False],
// ('k', 1, 0.1): 'tuple key', 'l': [[1], [2]], 'shared': [x, x], 'e': {}} by pickle.dumps(v, protocol=p).
const EVERY_PROTOCOL = [
  'KGRwMApWcwpwMQpWaOlsbG8gXHUyNzEzCnAyCnNWaQpwMwoobHA0CkkwCmFJMQphSS0xCmFJMjU1CmFJMjU2CmFJNjU1MzUKYUk2NTUzNgphSS0yMTQ3NDgzNjQ4CmFMMjE0NzQ4MzY0OEwKYUw5MDA3MTk5MjU0NzQwOTkxTAphTDQ2MTE2ODYwMTg0MjczODc5MDRMCmFMLTExODA1OTE2MjA3MTc0MTEzMDM0MjRMCmFzVmYKcDUKKGxwNgpGMC41CmFGLTFlKzMwMAphRmluZgphRjAuMQphc1Z0CnA3CihJMQooSTIKSTMKdHA4Cih0dHA5CnNWbgpwMTAKTnNWYm9vbApwMTEKKGxwMTIKSTAxCmFJMDAKYXMoVmsKcDEzCkkxCkYwLjEKdHAxNApWdHVwbGUga2V5CnAxNQpzVmwKcDE2CihscDE3CihscDE4CkkxCmFhKGxwMTkKSTIKYWFzVnNoYXJlZApwMjAKKGxwMjEKKGxwMjIKSTEKYUkyCmFhZzIyCmFzVmUKcDIzCihkcDI0CnMu',
  'fXEAKFgBAAAAc3EBWAoAAABow6lsbG8g4pyTcQJYAQAAAGlxA11xBChLAEsBSv////9L/00AAU3//0oAAAEASgAAAIBMMjE0NzQ4MzY0OEwKTDkwMDcxOTkyNTQ3NDA5OTFMCkw0NjExNjg2MDE4NDI3Mzg3OTA0TApMLTExODA1OTE2MjA3MTc0MTEzMDM0MjRMCmVYAQAAAGZxBV1xBihHP+AAAAAAAABH/jfkPIgAdZxHf/AAAAAAAABHP7mZmZmZmZplWAEAAAB0cQcoSwEoSwJLA3RxCCl0cQlYAQAAAG5xCk5YBAAAAGJvb2xxC11xDChJMDEKSTAwCmUoWAEAAABrcQ1LAUc/uZmZmZmZmnRxDlgJAAAAdHVwbGUga2V5cQ9YAQAAAGxxEF1xEShdcRJLAWFdcRNLAmFlWAYAAABzaGFyZWRxFF1xFShdcRYoSwFLAmVoFmVYAQAAAGVxF31xGHUu',
  'gAJ9cQAoWAEAAABzcQFYCgAAAGjDqWxsbyDinJNxAlgBAAAAaXEDXXEEKEsASwFK/////0v/TQABTf//SgAAAQBKAAAAgIoFAAAAgACKB////////x+KCAAAAAAAAABAigkAAAAAAAAAAMBlWAEAAABmcQVdcQYoRz/gAAAAAAAAR/435DyIAHWcR3/wAAAAAAAARz+5mZmZmZmaZVgBAAAAdHEHSwFLAksDhnEIKYdxCVgBAAAAbnEKTlgEAAAAYm9vbHELXXEMKIiJZVgBAAAAa3ENSwFHP7mZmZmZmZqHcQ5YCQAAAHR1cGxlIGtleXEPWAEAAABscRBdcREoXXESSwFhXXETSwJhZVgGAAAAc2hhcmVkcRRdcRUoXXEWKEsBSwJlaBZlWAEAAABlcRd9cRh1Lg==',
  'gAN9cQAoWAEAAABzcQFYCgAAAGjDqWxsbyDinJNxAlgBAAAAaXEDXXEEKEsASwFK/////0v/TQABTf//SgAAAQBKAAAAgIoFAAAAgACKB////////x+KCAAAAAAAAABAigkAAAAAAAAAAMBlWAEAAABmcQVdcQYoRz/gAAAAAAAAR/435DyIAHWcR3/wAAAAAAAARz+5mZmZmZmaZVgBAAAAdHEHSwFLAksDhnEIKYdxCVgBAAAAbnEKTlgEAAAAYm9vbHELXXEMKIiJZVgBAAAAa3ENSwFHP7mZmZmZmZqHcQ5YCQAAAHR1cGxlIGtleXEPWAEAAABscRBdcREoXXESSwFhXXETSwJhZVgGAAAAc2hhcmVkcRRdcRUoXXEWKEsBSwJlaBZlWAEAAABlcRd9cRh1Lg==',
  'gASV9wAAAAAAAAB9lCiMAXOUjApow6lsbG8g4pyTlIwBaZRdlChLAEsBSv////9L/00AAU3//0oAAAEASgAAAICKBQAAAIAAigf///////8figgAAAAAAAAAQIoJAAAAAAAAAADAZYwBZpRdlChHP+AAAAAAAABH/jfkPIgAdZxHf/AAAAAAAABHP7mZmZmZmZpljAF0lEsBSwJLA4aUKYeUjAFulE6MBGJvb2yUXZQoiIlljAFrlEsBRz+5mZmZmZmah5SMCXR1cGxlIGtleZSMAWyUXZQoXZRLAWFdlEsCYWWMBnNoYXJlZJRdlChdlChLAUsCZWgWZYwBZZR9lHUu',
  'gAWV9wAAAAAAAAB9lCiMAXOUjApow6lsbG8g4pyTlIwBaZRdlChLAEsBSv////9L/00AAU3//0oAAAEASgAAAICKBQAAAIAAigf///////8figgAAAAAAAAAQIoJAAAAAAAAAADAZYwBZpRdlChHP+AAAAAAAABH/jfkPIgAdZxHf/AAAAAAAABHP7mZmZmZmZpljAF0lEsBSwJLA4aUKYeUjAFulE6MBGJvb2yUXZQoiIlljAFrlEsBRz+5mZmZmZmah5SMCXR1cGxlIGtleZSMAWyUXZQoXZRLAWFdlEsCYWWMBnNoYXJlZJRdlChdlChLAUsCZWgWZYwBZZR9lHUu',
];

const decode = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

/** Opcodes for the crafted pickles below. */
const op = {
  PROTO4: [0x80, 4],
  STOP: 0x2e,
  MARK: 0x28,
  POP: 0x30,
  NONE: 0x4e,
  EMPTY_LIST: 0x5d,
  APPEND: 0x61,
  APPENDS: 0x65,
  EMPTY_DICT: 0x7d,
  SETITEMS: 0x75,
  MEMOIZE: 0x94,
  BINGET: 0x68,
  TUPLE2: 0x86,
};

/** A pickle from byte runs: numbers are bytes, arrays and byte arrays are spread. */
function pickle(...parts: (number | readonly (number | readonly number[])[] | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) => (part instanceof Uint8Array ? part : Uint8Array.from([part].flat(2) as number[])));
  return Buffer.concat(chunks);
}
const times = (n: number, ...bytes: number[]): Uint8Array => {
  const out = new Uint8Array(n * bytes.length);
  out.set(bytes);
  // Doubling copies: a 12 MB pickle is built in milliseconds.
  for (let filled = bytes.length; filled < out.length; filled *= 2) out.copyWithin(filled, 0, Math.min(filled, out.length - filled));
  return out;
};
const shortString = (text: string): number[] => [0x8c, text.length, ...Buffer.from(text, 'latin1')];

/** The error of parsing `bytes`, with the time it took and the heap it grew by. */
function failure(bytes: Uint8Array, limits?: PickleLimits): { error: BenchmarkError; seconds: number; heapMb: number } {
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  let error: unknown;
  try {
    unpickle(bytes, FILE, limits);
  } catch (e) {
    error = e;
  }
  const seconds = (performance.now() - start) / 1000;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  expect(BenchmarkError.is(error), String(error)).toBe(true);
  expect((error as BenchmarkError).kind).toBe('corrupt-data');
  expect((error as BenchmarkError).parameter).toBe(FILE);
  expect((error as BenchmarkError).message.startsWith(`${FILE}: `)).toBe(true);
  return { error: error as BenchmarkError, seconds, heapMb };
}

describe('unpickle', () => {
  test.each([PROTOCOL_4, PROTOCOL_2])('decodes numpy scalars and stringifies tuple keys', (base64) => {
    expect(unpickle(decode(base64), FILE)).toEqual({ valid_acc_0: { 'ab,0.1,256,222': 91.25 }, seed: { 'ab,0.1,256,222': 222 } });
  });

  test.each(EVERY_PROTOCOL.map((base64, protocol) => [protocol, base64] as const))('reads protocol %i', (_, base64) => {
    const value = unpickle(decode(base64), FILE) as Record<string, unknown>;
    expect(value).toEqual({
      s: 'héllo ✓',
      i: [0, 1, -1, 255, 256, 65535, 65536, -(2 ** 31), 2 ** 31, 2 ** 53 - 1, 2n ** 62n, -(2n ** 70n)],
      f: [0.5, -1e300, Infinity, 0.1],
      t: [1, [2, 3], []],
      n: null,
      bool: [true, false],
      'k,1,0.1': 'tuple key',
      l: [[1], [2]],
      shared: [
        [1, 2],
        [1, 2],
      ],
      e: {},
    });
    const shared = value['shared'] as unknown[];
    expect(shared[0]).toBe(shared[1]);
  });

  test('reads bytes, bytearrays and sets (protocol 5)', () => {
    // {'b': b'\x00\x01\xff', 'set': {1, 'a'}, 'fs': frozenset({2}), 'ba': bytearray(b'ab')}
    const value = unpickle(decode('gAWVOgAAAAAAAAB9lCiMAWKUQwMAAf+UjANzZXSUj5QoSwGMAWGUkIwCZnOUKEsCkZSMAmJhlJYCAAAAAAAAAGFilHUu'), FILE);
    expect(value).toEqual({ b: Uint8Array.from([0, 1, 255]), set: new Set([1, 'a']), fs: new Set([2]), ba: Uint8Array.from([97, 98]) });
  });

  test('unknown globals become inert placeholders, never code', () => {
    // pickle.dumps(os.system, protocol=4): a reference to posix.system, resolved to a placeholder class.
    const bytes = decode('gASVFAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOULg==');
    const value = unpickle(bytes, FILE) as { __module__?: string; __name__?: string };
    expect(typeof value).toBe('function');
    expect(value.__name__ ?? (value as unknown as { prototype: { __name__: string } }).prototype.__name__).toBe('system');
    // pickle.dumps(os.system('echo hi')) would be REDUCE of that global: an inert record of the call.
    const call = pickle(op.PROTO4, shortString('posix'), shortString('system'), 0x93, shortString('echo hi'), 0x85, 0x52, op.STOP);
    expect(unpickle(call, FILE)).toEqual({ __class__: 'posix.system', args: ['echo hi'] });
  });

  test('large integers are exact bigints, and nothing is printed', () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    // LONG1 of 9 bytes: 2**64 + 1.
    expect(unpickle(pickle(op.PROTO4, 0x8a, 9, 1, 0, 0, 0, 0, 0, 0, 0, 1, op.STOP), FILE)).toBe(2n ** 64n + 1n);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });

  describe('a damaged or crafted pickle fails fast, in bounded memory, naming the file', () => {
    test('a truncated file', () => {
      const bytes = decode(PROTOCOL_4);
      for (const cut of [1, 2, 11, 40, bytes.length - 1]) {
        expect(failure(bytes.subarray(0, cut)).error.message).toMatch(/^\/data\/bench12\.pkl: unexpected end of file \(at byte \d+\)/);
      }
    });

    test('an unknown opcode', () => {
      expect(failure(pickle(op.PROTO4, op.NONE, 0xcb, op.STOP)).error.message).toBe(
        '/data/bench12.pkl: unsupported opcode 0xcb (at byte 3); the file is damaged or not the pickle expected',
      );
    });

    test.each([
      ['a persistent id', pickle(op.PROTO4, op.NONE, 0x51, op.STOP), /persistent id/],
      ['an extension code', pickle(op.PROTO4, 0x82, 1, op.STOP), /extension code/],
      ['an out-of-band buffer', pickle(op.PROTO4, 0x97, op.STOP), /out-of-band buffer/],
      ['a memo read before it is written', pickle(op.PROTO4, op.BINGET, 7, op.STOP), /memo entry 7 is read before it is written/],
      ['a value from an empty stack', pickle(op.PROTO4, op.APPEND, op.STOP), /empty stack/],
      ['a list that contains itself', pickle(op.PROTO4, op.EMPTY_LIST, op.MEMOIZE, op.BINGET, 0, op.APPEND, op.STOP), /contains itself/],
      ['a protocol from the future', pickle(0x80, 6, op.NONE, op.STOP), /protocol 6 is not supported/],
    ])('%s', (_, bytes, message) => {
      expect(failure(bytes).error.message).toMatch(message);
    });

    test('deep nesting of EMPTY_LIST/APPEND (12 MB)', () => {
      const n = 6_000_000;
      const { error, seconds, heapMb } = failure(pickle(op.PROTO4, times(n, op.EMPTY_LIST), times(n - 1, op.APPEND), op.STOP));
      expect(error.message).toMatch(/the stack exceeds 100,000/);
      expect(seconds).toBeLessThan(2);
      expect(heapMb).toBeLessThan(200);
    });

    test('nesting deeper than the depth limit, within the stack limit', () => {
      const n = PICKLE_LIMITS.depth + 1;
      expect(failure(pickle(op.PROTO4, times(n, op.EMPTY_LIST), times(n - 1, op.APPEND), op.STOP)).error.message).toMatch(/the nesting depth exceeds 32/);
      // The same depth is fine one level less deep.
      expect(() => unpickle(pickle(op.PROTO4, times(n - 1, op.EMPTY_LIST), times(n - 2, op.APPEND), op.STOP), FILE)).not.toThrow();
    });

    test('nesting built through the memo, with a constant stack (each new list into the last one)', () => {
      // [] memoized; then repeatedly: get the last list, make a new one, memoize it, append it, pop.
      const step = (i: number): number[] => [0x6a, ...u32(i), op.EMPTY_LIST, op.MEMOIZE, op.APPEND, op.POP];
      const steps = Array.from({ length: 1000 }, (_, i) => step(i)).flat();
      expect(failure(pickle(op.PROTO4, op.EMPTY_LIST, op.MEMOIZE, op.POP, steps, op.NONE, op.STOP)).error.message).toMatch(
        /changes a list already placed in another container/,
      );
    });

    test('a memo-reference bomb: a large list referenced over and over (12 MB)', () => {
      // L = [None] * 100,000 (memo 0), then a list that appends L 6 million times, 1,000 per APPENDS.
      const large = times(100, op.MARK, ...Array<number>(1000).fill(op.NONE), op.APPENDS);
      const references = times(6000, op.MARK, ...Array.from({ length: 1000 }, () => [op.BINGET, 0]).flat(), op.APPENDS);
      const bytes = pickle(op.PROTO4, op.EMPTY_LIST, op.MEMOIZE, large, op.POP, op.EMPTY_LIST, references, op.STOP);
      expect(bytes.length).toBeGreaterThan(12_000_000);
      const { error, seconds, heapMb } = failure(bytes);
      expect(error.message).toMatch(/the elements of one container exceeds 150,000,000/);
      expect(seconds).toBeLessThan(2);
      expect(heapMb).toBeLessThan(200);
    });

    test('a memo that grows past its limit', () => {
      const limits = { ...PICKLE_LIMITS, memo: 1000 };
      expect(failure(pickle(op.PROTO4, op.NONE, times(1001, op.MEMOIZE), op.STOP), limits).error.message).toMatch(/the memo exceeds 1,000/);
    });

    test('more containers than the limit', () => {
      const limits = { ...PICKLE_LIMITS, containers: 1000 };
      expect(failure(pickle(op.PROTO4, op.EMPTY_LIST, times(1001, op.EMPTY_LIST, op.APPEND), op.STOP), limits).error.message).toMatch(
        /the number of containers exceeds 1,000/,
      );
    });

    test('dict keys blown up through shared strings', () => {
      // s = 'x' * 200 (memo 0); a dict keyed by (s, s, s, s, s, s): 1,205 characters per key.
      const s = [0x58, ...u32(200), ...Array<number>(200).fill(0x78)];
      const key = [op.MARK, ...Array.from({ length: 6 }, () => [op.BINGET, 0]).flat(), 0x74];
      const bytes = pickle(op.PROTO4, s, op.MEMOIZE, op.POP, op.EMPTY_DICT, op.MARK, key, op.NONE, op.SETITEMS, op.STOP);
      expect(failure(bytes).error.message).toMatch(/the length of a dict key exceeds 1,000/);
      // Many distinct keys of 800 characters each: the total is bounded too.
      const small = [op.MARK, ...Array.from({ length: 4 }, () => [op.BINGET, 0]).flat(), 0x74];
      const limits = { ...PICKLE_LIMITS, keyCharacters: 100_000 };
      const many = pickle(op.PROTO4, s, op.MEMOIZE, op.POP, op.EMPTY_DICT, times(200, op.MARK, ...small, op.NONE, op.SETITEMS), op.STOP);
      expect(failure(many, limits).error.message).toMatch(/the characters of all dict keys exceeds 100,000/);
    });

    test('an integer of too many bytes', () => {
      expect(failure(pickle(op.PROTO4, 0x8b, ...u32(5_000_000), times(5_000_000, 0xff), op.STOP)).error.message).toMatch(/the bytes of an integer exceeds 16/);
    });
  });
});

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}
