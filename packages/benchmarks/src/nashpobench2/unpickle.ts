import { BenchmarkError } from '../errors/BenchmarkError';

/**
 * Bounds on what a pickle may build. A pickle is a program for a stack machine, and a small one can
 * describe a huge structure (memo references repeat a large list without repeating its bytes) or a
 * very deep one; these bounds make such a file fail in milliseconds instead of taking gigabytes. Each
 * is about ten times what the official NAS-HPO-Bench-II files need (their shapes: STRUCTURE of the
 * upstream api.py, docs/benchmarks/nashpobench2.md): bench12.pkl is a dict of ~80 column dicts of
 * 145,584 rows each, keyed by (hash, lr, batch_size, seed) tuples written once and then referenced.
 */
export interface PickleLimits {
  /** Containers inside containers. Official: 2 (dict of dicts of floats). */
  readonly depth: number;
  /** Values on the stack at once. Official: ~2,000 (pickle writes items in batches of 1,000). */
  readonly stack: number;
  /** Memo entries. Official: ~150,000 (one per row-key tuple, the hash strings, the dicts). */
  readonly memo: number;
  /** Containers built (lists, tuples, dicts, sets, objects). Official: ~150,000 (the key tuples). */
  readonly containers: number;
  /**
   * Elements of one container counted as if every shared reference were a copy — what a traversal
   * of it visits. Official: ~12 million (80 columns x 145,584 rows).
   */
  readonly elements: number;
  /** Characters of one dict key (tuple keys are joined with commas). Official: < 100. */
  readonly keyLength: number;
  /** Characters of all distinct dict keys together. Official: ~10 million (145,584 row keys). */
  readonly keyCharacters: number;
  /** Bytes of one integer (LONG1, LONG4). Official: at most 8. */
  readonly integerBytes: number;
}

export const PICKLE_LIMITS: PickleLimits = {
  depth: 32,
  stack: 100_000,
  memo: 2_000_000,
  containers: 2_000_000,
  elements: 150_000_000,
  keyLength: 1_000,
  keyCharacters: 100_000_000,
  integerBytes: 16,
};

/**
 * A numpy dtype as pickled (`numpy.dtype('f8', False, True)` then a BUILD with the byte order); only
 * what is needed to decode scalars is kept.
 */
class NumpyDtype {
  order = '<';
  constructor(readonly code: string) {}
  setState(state: unknown): void {
    if (Array.isArray(state) && typeof state[1] === 'string') this.order = state[1];
  }
}

/** `numpy.core.multiarray.scalar(dtype, bytes)`: pandas' `to_dict()` may leave numpy scalars in values. */
function numpyScalar(dtype: unknown, data: unknown): unknown {
  if (!(dtype instanceof NumpyDtype)) return Number.NaN;
  const bytes = data instanceof Uint8Array ? data : typeof data === 'string' ? Uint8Array.from(data, (c) => c.charCodeAt(0)) : undefined;
  if (bytes === undefined || bytes.length < 8) return Number.NaN;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = dtype.order !== '>';
  switch (dtype.code) {
    case 'f8':
      return view.getFloat64(0, little);
    case 'f4':
      return view.getFloat32(0, little);
    case 'i8':
      return Number(view.getBigInt64(0, little));
    case 'u8':
      return Number(view.getBigUint64(0, little));
    case 'i4':
      return view.getInt32(0, little);
    case 'u4':
      return view.getUint32(0, little);
    case 'b1':
      return view.getUint8(0) !== 0;
    default:
      return Number.NaN;
  }
}

/** The only globals resolved to functions, all reimplemented here: nothing a pickle names is run. */
const KNOWN_GLOBALS: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  'numpy dtype': (code) => new NumpyDtype(String(code)),
  'numpy.core.multiarray scalar': numpyScalar,
  'numpy._core.multiarray scalar': numpyScalar,
  // Protocol 2 writes bytes as _codecs.encode(latin-1 text, 'latin1'); the text is what numpyScalar reads.
  '_codecs encode': (text) => text,
};

/** Any other global: an inert function that carries its name and is never called. */
function inertGlobal(module: string, name: string): unknown {
  return Object.freeze(Object.assign(() => undefined, { __module__: module, __name__: name }));
}

type Kind = 'list' | 'tuple' | 'dict' | 'set' | 'object';

/**
 * A container while it is on the stack or in the memo, with what is known of it. Only those two
 * places let a pickle reach a container again, so values inside containers are stored bare; a box
 * costs far less than a Map or WeakMap entry per container, which made garbage collection crawl.
 */
class Box {
  depth = 1;
  elements = 0;
  /** Placed inside another container: from then on it must not change (see `add`). */
  placed = false;
  /** Its text as a dict key, once computed. */
  key: string | undefined = undefined;
  constructor(
    readonly kind: Kind,
    readonly value: unknown[] | Record<string, unknown> | Set<unknown>,
  ) {}
}

const bare = (value: unknown): unknown => (value instanceof Box ? value.value : value);

const textDecoder = new TextDecoder('utf-8');
const latin1Decoder = new TextDecoder('latin1');

/**
 * Parses a pickle (protocols 0 to 5) without running any of its code: only plain values are built,
 * numpy scalars are decoded from their bytes, and any other global becomes an inert placeholder. Dicts
 * become null-prototype objects whose tuple keys are joined with commas ("h,0.1,256,222"), as the
 * readers of the NAS-HPO-Bench-II files expect. The work and memory are bounded by `limits`; a file
 * beyond them, truncated, or using what a data file never needs (persistent ids, extension codes,
 * out-of-band buffers, cycles) is a `corrupt-data` BenchmarkError naming `file` and the byte offset.
 */
export function unpickle(bytes: Uint8Array, file: string, limits: PickleLimits = PICKLE_LIMITS): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = bytes.length;
  let pos = 0;
  let at = 0;
  const stack: unknown[] = [];
  const marks: number[] = [];
  // An array: pickles number memo entries 0, 1, 2, ... and a Map lookup costs several times more.
  // No value built is undefined, so undefined marks an entry never written.
  const memo: unknown[] = [];
  let memoSize = 0;
  let containers = 0;
  let keyCharacters = 0;

  const fail = (problem: string): BenchmarkError =>
    new BenchmarkError('corrupt-data', `${file}: ${problem} (at byte ${at}); the file is damaged or not the pickle expected`, { parameter: file });
  const tooMuch = (what: string, limit: number): BenchmarkError => fail(`${what} exceeds ${thousands(limit)}, far beyond the official data`);

  const need = (n: number): void => {
    if (pos + n > size) throw fail('unexpected end of file');
  };
  const u8 = (): number => {
    need(1);
    return bytes[pos++]!;
  };
  const u16 = (): number => {
    need(2);
    const v = view.getUint16(pos, true);
    pos += 2;
    return v;
  };
  const u32 = (): number => {
    need(4);
    const v = view.getUint32(pos, true);
    pos += 4;
    return v;
  };
  const u64 = (): number => {
    need(8);
    const low = view.getUint32(pos, true);
    const high = view.getUint32(pos + 4, true);
    pos += 8;
    // Anything past 2^32 bytes is past the end of any file read here.
    if (high !== 0) throw fail('unexpected end of file');
    return low;
  };
  const take = (n: number): Uint8Array => {
    need(n);
    const out = bytes.subarray(pos, pos + n);
    pos += n;
    return out;
  };
  const line = (): string => {
    const end = bytes.indexOf(10, pos);
    if (end < 0) throw fail('unexpected end of file');
    const text = latin1Decoder.decode(bytes.subarray(pos, end));
    pos = end + 1;
    return text;
  };
  const utf8 = (n: number): string => {
    const raw = take(n);
    // Short ASCII strings (column names, hashes) are most of them: skip the decoder's call overhead.
    if (n <= 64) {
      let ascii = true;
      for (let i = 0; i < n; i++) if (raw[i]! >= 0x80) ascii = false;
      if (ascii) return String.fromCharCode(...raw);
    }
    return textDecoder.decode(raw);
  };

  const push = (value: unknown): void => {
    if (stack.length >= limits.stack) throw tooMuch('the stack', limits.stack);
    stack.push(value);
  };
  // Values below the last MARK belong to an enclosing call: as in Python, they cannot be taken.
  const empty = (): boolean => stack.length === 0 || (marks.length > 0 && stack.length <= marks[marks.length - 1]!);
  const pop = (): unknown => {
    if (empty()) throw fail('a value is taken from an empty stack');
    return stack.pop();
  };
  const top = (): unknown => {
    if (empty()) throw fail('a value is read from an empty stack');
    return stack[stack.length - 1];
  };
  const popMark = (): unknown[] => {
    const start = marks.pop();
    if (start === undefined) throw fail('items are taken up to a MARK that was never set');
    const items = stack.slice(start);
    stack.length = start;
    return items;
  };

  const create = (kind: Kind, value: Box['value']): Box => {
    if (++containers > limits.containers) throw tooMuch('the number of containers', limits.containers);
    return new Box(kind, value);
  };
  /**
   * Counts `item` into `box` and returns it bare. A container placed inside another may no longer
   * change: Python's pickler always completes a container before placing it (cycles aside), and this
   * is what makes the depth and the element counts exact and rules out cycles.
   */
  const add = (box: Box, item: unknown): unknown => {
    if (item instanceof Box) {
      if (item === box) throw fail('a container contains itself (cycles are not supported)');
      item.placed = true;
      if (item.depth >= box.depth) {
        box.depth = item.depth + 1;
        if (box.depth > limits.depth) throw tooMuch('the nesting depth', limits.depth);
      }
      box.elements += item.elements + 1;
      if (box.elements > limits.elements) throw tooMuch('the elements of one container', limits.elements);
      return item.value;
    }
    if (++box.elements > limits.elements) throw tooMuch('the elements of one container', limits.elements);
    return item;
  };
  const target = (value: unknown, kind: Kind, op: string): Box => {
    if (!(value instanceof Box) || value.kind !== kind) throw fail(`${op} applied to ${describe(value)}`);
    if (value.placed) throw fail(`${op} changes a ${kind} already placed in another container (cycles are not supported)`);
    return value;
  };

  /** A dict key as a property name: tuples joined with commas, as Array#join would (null -> ''). */
  const keyOf = (key: unknown): string => {
    if (typeof key === 'string') return key;
    if (!(key instanceof Box)) {
      if (typeof key === 'object' && key !== null) throw fail(`a dict key is ${describe(key)}`);
      return String(key);
    }
    if (key.key !== undefined) return key.key;
    if (key.kind !== 'tuple') throw fail(`a dict key is a ${key.kind}`);
    const parts: string[] = [];
    let length = 0;
    // Bare nested tuples are walked with the length checked as it grows: sharing cannot inflate it.
    const walk = (tuple: readonly unknown[]): void => {
      for (let i = 0; i < tuple.length; i++) {
        const part = tuple[i];
        if (i > 0) {
          parts.push(',');
          length++;
        }
        if (Array.isArray(part)) walk(part);
        else if (typeof part === 'object' && part !== null) throw fail(`a dict key holds ${describe(part)}`);
        else if (part !== null && part !== undefined) {
          const text = String(part);
          parts.push(text);
          length += text.length;
        }
        if (length > limits.keyLength) throw tooMuch('the length of a dict key', limits.keyLength);
      }
    };
    walk(key.value as unknown[]);
    const text = parts.join('');
    keyCharacters += text.length;
    if (keyCharacters > limits.keyCharacters) throw tooMuch('the characters of all dict keys', limits.keyCharacters);
    key.key = text;
    return text;
  };
  const setItems = (box: Box, items: readonly unknown[]): void => {
    if (items.length % 2 !== 0) throw fail('a dict is given a key without a value');
    const dict = box.value as Record<string, unknown>;
    for (let i = 0; i < items.length; i += 2) {
      const key = keyOf(items[i]);
      dict[key] = add(box, items[i + 1]);
    }
  };
  const newDict = (): Box => create('dict', Object.create(null) as Record<string, unknown>);
  const newSequence = (items: unknown[], kind: 'list' | 'tuple'): Box => {
    const box = create(kind, items);
    for (let i = 0; i < items.length; i++) items[i] = add(box, items[i]);
    return box;
  };
  /** An object of a class the pickle names (REDUCE, NEWOBJ, INST, OBJ): a record of the call, inert. */
  const inertObject = (callable: unknown, args: Box): Box => {
    const named = callable as { __module__?: unknown; __name__?: unknown };
    const box = create('object', Object.create(null) as Record<string, unknown>);
    const object = box.value as Record<string, unknown>;
    object['__class__'] = typeof callable === 'function' ? `${String(named.__module__)}.${String(named.__name__)}` : describe(callable);
    object['args'] = add(box, args);
    return box;
  };
  const call = (callable: unknown, args: unknown, op: string): unknown => {
    if (typeof callable !== 'function') throw fail(`${op} calls ${describe(callable)}`);
    if (!(args instanceof Box) || args.kind !== 'tuple') throw fail(`${op} is given arguments that are not a tuple`);
    const known = (callable as { known?: (...a: unknown[]) => unknown }).known;
    // The known functions take at most three arguments; spreading a crafted huge tuple would overflow the call stack.
    return known !== undefined ? known(...(args.value as unknown[]).slice(0, 3)) : inertObject(callable, args);
  };
  const global = (module: string, name: string): unknown => {
    const known = KNOWN_GLOBALS[`${module} ${name}`];
    return known === undefined ? inertGlobal(module, name) : Object.freeze(Object.assign(() => undefined, { __module__: module, __name__: name, known }));
  };
  const memoGet = (index: number): unknown => {
    const value = memo[index];
    if (value === undefined) throw fail(`memo entry ${index} is read before it is written`);
    return value;
  };
  const memoPut = (index: number): void => {
    if (memo[index] === undefined && ++memoSize > limits.memo) throw tooMuch('the memo', limits.memo);
    memo[index] = top();
  };
  const integer = (raw: Uint8Array): number | bigint => {
    if (raw.length > limits.integerBytes) throw tooMuch('the bytes of an integer', limits.integerBytes);
    if (raw.length === 0) return 0;
    let value = 0n;
    for (let i = raw.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(raw[i]!);
    if (raw[raw.length - 1]! >= 0x80) value -= 1n << BigInt(raw.length * 8);
    return narrow(value);
  };
  const decimal = (text: string): number | bigint => {
    const digits = text.endsWith('L') ? text.slice(0, -1) : text;
    if (!/^[-+]?\d+$/.test(digits) || digits.length > limits.integerBytes * 3) throw fail(`"${digits.slice(0, 40)}" is not an integer jahskit reads`);
    return narrow(BigInt(digits));
  };

  while (true) {
    at = pos;
    const opcode = u8();
    switch (opcode) {
      case 0x80: {
        // PROTO
        const version = u8();
        if (version > 5) throw fail(`pickle protocol ${version} is not supported (0 to 5 are)`);
        break;
      }
      case 0x95: // FRAME: lengths of what follows; everything is in memory already.
        take(8);
        break;
      case 0x2e: {
        // STOP
        return bare(pop());
      }
      case 0x28: // MARK
        if (marks.length >= limits.stack) throw tooMuch('the stack', limits.stack);
        marks.push(stack.length);
        break;
      case 0x30: // POP
        if (marks.length > 0 && marks[marks.length - 1] === stack.length) marks.pop();
        else pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        push(top());
        break;
      case 0x4e: // NONE
        push(null);
        break;
      case 0x88: // NEWTRUE
        push(true);
        break;
      case 0x89: // NEWFALSE
        push(false);
        break;
      case 0x4a: // BININT
        need(4);
        push(view.getInt32(pos, true));
        pos += 4;
        break;
      case 0x4b: // BININT1
        push(u8());
        break;
      case 0x4d: // BININT2
        push(u16());
        break;
      case 0x8a: // LONG1
        push(integer(take(u8())));
        break;
      case 0x8b: // LONG4
        push(integer(take(u32())));
        break;
      case 0x49: {
        // INT (protocol 0; "00" and "01" are False and True)
        const text = line();
        push(text === '00' ? false : text === '01' ? true : decimal(text));
        break;
      }
      case 0x4c: // LONG (protocol 0)
        push(decimal(line()));
        break;
      case 0x47: // BINFLOAT (big-endian)
        need(8);
        push(view.getFloat64(pos, false));
        pos += 8;
        break;
      case 0x46: {
        // FLOAT (protocol 0: repr)
        const text = line().trim();
        const value = text === 'inf' ? Infinity : text === '-inf' ? -Infinity : text === 'nan' ? Number.NaN : text === '' ? Number.NaN : Number(text);
        if (Number.isNaN(value) && text !== 'nan') throw fail(`"${text.slice(0, 40)}" is not a float`);
        push(value);
        break;
      }
      case 0x8c: // SHORT_BINUNICODE
        push(utf8(u8()));
        break;
      case 0x58: // BINUNICODE
        push(utf8(u32()));
        break;
      case 0x8d: // BINUNICODE8
        push(utf8(u64()));
        break;
      case 0x56: // UNICODE (protocol 0: raw-unicode-escape)
        push(rawUnicode(line()));
        break;
      case 0x55: // SHORT_BINSTRING (Python 2 str)
        push(latin1Decoder.decode(take(u8())));
        break;
      case 0x54: // BINSTRING
        push(latin1Decoder.decode(take(u32())));
        break;
      case 0x53: {
        // STRING (protocol 0: quoted repr)
        const text = line().trim();
        if (text.length < 2 || text[0] !== text[text.length - 1] || (text[0] !== "'" && text[0] !== '"')) throw fail('a STRING is not quoted');
        push(stringEscapes(text.slice(1, -1)));
        break;
      }
      case 0x43: // SHORT_BINBYTES
        push(take(u8()).slice());
        break;
      case 0x42: // BINBYTES
        push(take(u32()).slice());
        break;
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        push(take(u64()).slice());
        break;
      case 0x29: // EMPTY_TUPLE
        push(newSequence([], 'tuple'));
        break;
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: {
        // TUPLE3
        const n = opcode - 0x84;
        const items: unknown[] = new Array(n);
        for (let i = n - 1; i >= 0; i--) items[i] = pop();
        push(newSequence(items, 'tuple'));
        break;
      }
      case 0x74: // TUPLE
        push(newSequence(popMark(), 'tuple'));
        break;
      case 0x5d: // EMPTY_LIST
        push(newSequence([], 'list'));
        break;
      case 0x6c: // LIST
        push(newSequence(popMark(), 'list'));
        break;
      case 0x61: {
        // APPEND
        const item = pop();
        const box = target(top(), 'list', 'APPEND');
        (box.value as unknown[]).push(add(box, item));
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        const box = target(top(), 'list', 'APPENDS');
        const list = box.value as unknown[];
        for (const item of items) list.push(add(box, item));
        break;
      }
      case 0x7d: // EMPTY_DICT
        push(newDict());
        break;
      case 0x64: {
        // DICT
        const items = popMark();
        const box = newDict();
        setItems(box, items);
        push(box);
        break;
      }
      case 0x73: {
        // SETITEM
        const value = pop();
        const key = pop();
        setItems(target(top(), 'dict', 'SETITEM'), [key, value]);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        setItems(target(top(), 'dict', 'SETITEMS'), items);
        break;
      }
      case 0x8f: // EMPTY_SET
        push(create('set', new Set<unknown>()));
        break;
      case 0x90: {
        // ADDITEMS
        const items = popMark();
        const box = target(top(), 'set', 'ADDITEMS');
        const set = box.value as Set<unknown>;
        for (const item of items) set.add(add(box, item));
        break;
      }
      case 0x91: {
        // FROZENSET
        const items = popMark();
        const box = create('set', new Set<unknown>());
        const set = box.value as Set<unknown>;
        for (const item of items) set.add(add(box, item));
        push(box);
        break;
      }
      case 0x94: // MEMOIZE
        memoPut(memoSize);
        break;
      case 0x70: // PUT
        memoPut(memoIndex(line()));
        break;
      case 0x71: // BINPUT
        memoPut(u8());
        break;
      case 0x72: // LONG_BINPUT
        memoPut(u32());
        break;
      case 0x67: // GET
        push(memoGet(memoIndex(line())));
        break;
      case 0x68: // BINGET
        push(memoGet(u8()));
        break;
      case 0x6a: // LONG_BINGET
        push(memoGet(u32()));
        break;
      case 0x63: {
        // GLOBAL
        const module = line();
        push(global(module, line()));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') throw fail('STACK_GLOBAL names a global with values that are not strings');
        push(global(module, name));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        const callable = pop();
        push(call(callable, args, 'REDUCE'));
        break;
      }
      case 0x81: {
        // NEWOBJ
        const args = pop();
        const cls = pop();
        push(call(cls, args, 'NEWOBJ'));
        break;
      }
      case 0x92: {
        // NEWOBJ_EX (keyword arguments are kept out: no known global takes them)
        pop();
        const args = pop();
        const cls = pop();
        push(call(cls, args, 'NEWOBJ_EX'));
        break;
      }
      case 0x69: {
        // INST (protocol 0)
        const module = line();
        const name = line();
        push(inertObject(inertGlobal(module, name), newSequence(popMark(), 'tuple')));
        break;
      }
      case 0x6f: {
        // OBJ (protocol 1)
        const items = popMark();
        if (items.length === 0) throw fail('OBJ without a class');
        push(inertObject(items[0], newSequence(items.slice(1), 'tuple')));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        const object = top();
        if (object instanceof NumpyDtype) {
          object.setState(bare(state));
        } else {
          const box = target(object, 'object', 'BUILD');
          (box.value as Record<string, unknown>)['state'] = add(box, state);
        }
        break;
      }
      case 0x50: // PERSID
      case 0x51: // BINPERSID
        throw fail('a persistent id (PERSID) refers to data outside the file');
      case 0x82: // EXT1
      case 0x83: // EXT2
      case 0x84: // EXT4
        throw fail('an extension code (EXT) refers to a registry outside the file');
      case 0x97: // NEXT_BUFFER
      case 0x98: // READONLY_BUFFER
        throw fail('an out-of-band buffer refers to data outside the file');
      default:
        throw fail(`unsupported opcode 0x${opcode.toString(16).padStart(2, '0')}`);
    }
  }

  function memoIndex(text: string): number {
    if (!/^\d{1,10}$/.test(text)) throw fail(`"${text.slice(0, 40)}" is not a memo index`);
    return Number(text);
  }
  function stringEscapes(text: string): string {
    return text.replace(/\\(x[0-9a-fA-F]{2}|[\\'"nrt0])/g, (_, e: string) =>
      e[0] === 'x' ? String.fromCharCode(parseInt(e.slice(1), 16)) : (({ n: '\n', r: '\r', t: '\t', '0': '\0' } as Record<string, string>)[e] ?? e),
    );
  }
  function rawUnicode(text: string): string {
    return text.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, four: string | undefined, eight: string | undefined) =>
      String.fromCodePoint(parseInt((four ?? eight)!, 16)),
    );
  }
}

/** 150000000 -> "150,000,000", without loading Intl (which takes longer than failing). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** An integer as a number when exact, else a bigint (never silently rounded). */
function narrow(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/** A value named in an error: its kind, never its (possibly huge) content. */
function describe(value: unknown): string {
  if (value instanceof Box) return `a ${value.kind}`;
  if (value === null) return 'None';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof NumpyDtype) return 'a numpy dtype';
  return `a ${typeof value}`;
}
