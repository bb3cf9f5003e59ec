import type { ParameterSpec } from '@jahskit/core';
import type { Condition } from '@jahskit/spaces';
import type { SurrogateInput } from '../surrogate/SurrogateSession';
import { choicesOf, type RowReader } from './compileRowReader';
import { ENCODING_KIND, type InputEncoder } from './compileInputEncoder';

/**
 * Checks one request (configuration and fidelity) and writes its encoded row in a single pass.
 * Returns true when the row is legal and written; false when anything is off (a missing, inactive,
 * unknown or illegal key, or a non-object), in which case the caller takes the slow path
 * (`RowReader.read` + `SearchSpace.validate`), which builds the exact typed error. The codec is never
 * more lenient than the readers: the differential test in compileRowCodec.test.ts checks it.
 */
export type RowCodec = (config: unknown, fidelity: unknown, row: number, buffers: readonly SurrogateInput[]) => boolean;

/**
 * What a gathered reader's slot holds for a key the row does not have: an internalized string, so
 * that comparing a slot with a choice stays a pointer comparison. A row that gives it as a value
 * fails (as absent where the parameter is active, and by the key count where it is not), and the
 * slow path builds the error.
 */
const ABSENT = '\u0000jahskit:absent\u0000';

/** Conditions use 32-bit masks by choice index; index -1 (shifted by 31) is never set. */
const MAX_MASKED_CHOICES = 31;

/** Table sizes `hashNames` tries, as powers of two, and how far from a name's end it looks. */
const MAX_HASH_BITS = 10;
const MAX_HASH_BACK = 16;

interface NameHash {
  /** Parameter index by hash; slots no name hashes to hold 0, which the identity check rejects. */
  readonly table: Uint8Array | Uint16Array;
  /** Positions counted from the end of the name (1: the last character). */
  readonly first: number;
  readonly second: number;
}

/**
 * A perfect hash of distinct names, `(code at length - first) * 31 + (code at length - second) * 7
 * + length` masked to the smallest table (up to 2^MAX_HASH_BITS) where no two collide; undefined
 * when there is none. Parameter names of one space tend to share prefixes and differ near the end
 * (`..._edge_normal_3`, `..._edge_reduce_13`), hence positions from the end. Every position lies
 * within the shortest name, so a name's codes exist; a shorter key reads NaN and hashes to 0.
 */
function hashNames(names: readonly string[]): NameHash | undefined {
  const reach = Math.min(MAX_HASH_BACK, ...names.map((s) => s.length));
  const code = (s: string, back: number): number => s.charCodeAt(s.length - back);
  for (let bits = Math.ceil(Math.log2(names.length)); bits <= MAX_HASH_BITS; bits++) {
    const size = 1 << bits;
    for (let first = 1; first <= reach; first++) {
      for (let second = first; second <= reach; second++) {
        const table = names.length <= 256 ? new Uint8Array(size) : new Uint16Array(size);
        const used = new Uint8Array(size);
        const fits = names.every((s, i) => {
          const h = (code(s, first) * 31 + code(s, second) * 7 + s.length) & (size - 1);
          if (used[h] === 1) return false;
          used[h] = 1;
          table[h] = i;
          return true;
        });
        if (fits) return { table, first, second };
      }
    }
  }
  return undefined;
}

/** Readers with more parameters than this are read by one for...in (see `gather`). */
const GATHER_FROM = 8;

/**
 * Generates the codec's source once per space and manifest: every parameter name, choice and bound
 * is a constant of the generated function, so V8 sees named property loads (small objects) or one
 * for...in (large ones, see `gather`), `switch` over literal choices instead of table lookups
 * (in large ones, string choices are decoded without branches, see `compileMaskedChoice`),
 * condition checks as comparisons of local choice indices (parents are read before children), and
 * one store per column. Measured on the DARTS space (34 categoricals, 24 IN conditions) at about
 * half the time of the generic reader plus encoder, and the masked decoding and hashed key match
 * took another ~25% off on its sampled configurations. Names and values enter the source only
 * through JSON.stringify or as closure constants.
 *
 * Returns undefined when the encoder or space uses something the generator does not cover (int64
 * inputs, duplicate or NaN choices); the caller then uses the generic reader and encoder for every row.
 */
export function compileRowCodec(config: RowReader, fidelity: RowReader, encoder: InputEncoder): RowCodec | undefined {
  const constants: unknown[] = [];
  const constant = (value: unknown): string => {
    constants.push(value);
    return `K[${constants.length - 1}]`;
  };
  const literal = (x: number): string => (Number.isFinite(x) && !Object.is(x, -0) ? String(x) : constant(x));
  // Small tables of the masked choices, packed into one integer and one float array (identical
  // tables shared): the hot function keeps two arrays' data pointers instead of dozens.
  const preamble: string[] = [];
  const packed = { PI: [] as number[], PF: [] as number[] };
  const packedAt = new Map<string, number>();
  const pack = (values: readonly number[]): string => {
    const into = values.every((x) => (x | 0) === x && !Object.is(x, -0)) ? 'PI' : 'PF';
    const key = `${into}:${values.map((x) => (Object.is(x, -0) ? '-0' : String(x))).join(',')}`;
    let at = packedAt.get(key);
    if (at === undefined) {
      at = packed[into].length;
      packed[into].push(...values);
      packedAt.set(key, at);
    }
    return `${into}[${at} + `;
  };
  const readers = [config, fidelity];
  const v = (r: number, i: number, what: 'a' | 'c' | 'v'): string => `${what}${r}_${i}`;

  const lines: string[] = [];
  const declared: string[] = [];
  // Category-index columns of choice parameters are folded into the choice's decoding: each `switch`
  // case sets the column's encoded value (a local that starts at the inactive value), or a masked
  // choice loads it by code, so the store below needs neither the active flag nor a table load.
  const folded = new Map<string, { local: string; table: Int32Array; inactive: number }[]>();
  encoder.compiled.forEach((input, k) =>
    input.columns.forEach((column, j) => {
      const r = readers.indexOf(column.reader);
      if (column.kind !== ENCODING_KIND.CATEGORY_INDEX || choicesOf(readers[r]!.parameters[column.slot]!) === undefined) return;
      const local = `e${k}_${j}`;
      declared.push(`${local} = ${literal(column.inactive)}`);
      const key = v(r, column.slot, 'c');
      folded.set(key, [...(folded.get(key) ?? []), { local, table: column.table, inactive: column.inactive }]);
    }),
  );
  const arguments_ = ['cfg', 'fid'];
  for (let r = 0; r < readers.length; r++) {
    const reader = readers[r]!;
    const object = arguments_[r]!;
    lines.push(
      `if (typeof ${object} !== 'object' || ${object} === null) return false;`,
      `h = Object.getPrototypeOf(${object});`,
      `if (h !== OP && h !== null) return false;`,
      `p = 0;`,
    );
    const gathered = reader.parameters.length > GATHER_FROM;
    if (gathered) lines.push(...gather(reader, r, object));
    for (let k = 0; k < reader.order.length; k++) {
      const i = reader.order[k]!;
      const spec = reader.parameters[i]!;
      declared.push(`${v(r, i, 'a')} = 0`, `${v(r, i, 'c')} = -1`, `${v(r, i, 'v')} = NaN`);
      const condition = reader.conditionOf[i];
      const masked = gathered ? compileMaskedChoice(spec, condition, reader, r, i) : undefined;
      if (masked !== undefined) {
        lines.push(...masked);
        continue;
      }
      const read = gathered ? `S${r}[${i}]` : `${object}[${JSON.stringify(spec.name)}]`;
      const absent = gathered ? 'g === ABSENT' : 'g === undefined';
      const check = compileCheck(spec, r, i);
      if (check === undefined) return undefined;
      if (condition === undefined) {
        lines.push(`g = ${read};`, `if (${absent}) return false;`, `${v(r, i, 'a')} = 1; p++;`, ...check);
      } else {
        const predicate = compilePredicate(condition, reader, r);
        // An inactive parameter is not read: if it is given, the key count below exceeds the number
        // of active parameters found, and the row fails.
        lines.push(`if (${predicate}) {`, `g = ${read};`, `if (${absent}) return false;`, `${v(r, i, 'a')} = 1; p++;`, ...check, `}`);
      }
    }
    // Every key must be one of the active parameters just read: counting them is enough, since each
    // active one was found. Objects with another prototype than Object's (or null) take the slow
    // path, so an inherited value is never read here (an enumerable key added to Object.prototype is
    // counted by for...in, and such rows take the slow path too). A small object (the fidelity) has
    // an enum cache, and for...in counts it without allocating.
    if (gathered) lines.push(`if (n !== p) return false;`);
    else lines.push(`n = 0;`, `for (const _ in ${object}) if (++n > p) break;`, `if (n !== p) return false;`);
  }

  /**
   * A large configuration is read by one for...in over its keys rather than by a named load per
   * parameter plus a key count. Its keys vary with the conditions, so configurations have thousands
   * of hidden classes (NAS-Bench-301: 3,845 in 4,096 samples) and named loads of them miss V8's
   * inline caches; for...in walks each object's enum cache and `object[key]` is a load by field
   * index, so reading and counting cost one pass (measured on NAS-Bench-301's sampled configurations:
   * the codec ~45% faster than named loads plus Object.keys; on a dictionary-mode object, which
   * `SearchSpace.sample` no longer builds, ~10% slower than Object.keys). Each key is matched to its
   * parameter by a perfect hash of two of its characters and its length (`hashNames`) and one
   * identity comparison (keys are internalized strings), in any key order. Where no such hash
   * exists, a cursor walks the names in definition order (the order `SearchSpace.sample` writes them
   * in) and wraps around for any other order; its loop runs once per skipped inactive parameter, a
   * count that varies from row to row, and mispredicted often enough that the hash read the sampled
   * NAS-Bench-301 rows faster. A key matching no name makes the row fail. Values land in one slot
   * array per reader, reset to ABSENT per row; a nested call (a getter evaluating again) would
   * overwrite it, so the codec refuses to nest (`busy`) and such rows take the slow path.
   */
  function gather(reader: RowReader, r: number, object: string): string[] {
    const size = reader.parameters.length;
    const [names, slots] = [`N${r}`, `S${r}`];
    preamble.push(
      `const ${names} = [${reader.parameters.map((p) => JSON.stringify(p.name)).join(', ')}];`,
      `const ${slots} = new Array(${size}).fill(ABSENT);`,
    );
    const hash = hashNames(reader.parameters.map((p) => p.name));
    if (hash !== undefined) {
      const at = (back: number): string => `key.charCodeAt(t - ${back})`;
      preamble.push(`const H${r} = ${constant(hash.table)};`);
      return [
        `for (k = 0; k < ${size}; k++) ${slots}[k] = ABSENT;`,
        `n = 0;`,
        `for (const key in ${object}) {`,
        `t = key.length;`,
        `k = H${r}[(${at(hash.first)} * 31 + ${at(hash.second)} * 7 + t) & ${hash.table.length - 1}];`,
        `if (${names}[k] !== key) return false;`,
        `${slots}[k] = ${object}[key]; n++;`,
        `}`,
      ];
    }
    return [
      `for (k = 0; k < ${size}; k++) ${slots}[k] = ABSENT;`,
      `n = 0; k = 0;`,
      `for (const key in ${object}) {`,
      `t = 0;`,
      `while (${names}[k] !== key) { if (++k === ${size}) k = 0; if (++t === ${size}) return false; }`,
      `${slots}[k] = ${object}[key]; n++;`,
      `if (++k === ${size}) k = 0;`,
      `}`,
    ];
  }

  /**
   * A string choice parameter of a gathered reader, checked and decoded without a branch that
   * depends on the row. Sampled configurations pick choices and activate children at random, so a
   * `switch` over the choices and an `if` on each condition mispredict about a branch per parameter:
   * on NAS-Bench-301's sampled configurations the codec took three times as long as on one row
   * repeated. Here each comparison with a choice becomes a 0/1 term (V8 compiles `(g === "a") * 1`
   * of internalized strings to a compare and a flag, no jump), summed into a code: 1 + the choice
   * index, `none` = choices + 1 for ABSENT (the key is missing), 0 for anything else. One table
   * says whether the code is legal given the parameter's activity (computed by bit masks, see
   * `compileActivity`), and other tables give the encoded columns. Returns undefined (the caller
   * emits the `switch`) for numeric or boolean choices and for more choices than masks hold.
   */
  function compileMaskedChoice(spec: ParameterSpec, condition: Condition | undefined, reader: RowReader, r: number, i: number): string[] | undefined {
    const choices = choicesOf(spec);
    if (choices === undefined || choices.length >= MAX_MASKED_CHOICES || !choices.every((c) => typeof c === 'string')) return undefined;
    if (new Set(choices).size !== choices.length || choices.includes(ABSENT)) return undefined;
    const activity = condition === undefined ? '1' : compileActivity(condition, reader);
    if (activity === undefined) return undefined;
    const none = choices.length + 1;
    // legal[code + (none + 1) * active]: an inactive parameter wants ABSENT, an active one a choice.
    const legal = Array.from({ length: 2 * (none + 1) }, (_, k) => (k <= none ? Number(k === none) : Number(k - none - 1 >= 1 && k - none - 1 < none)));
    const [a, c] = [v(r, i, 'a'), v(r, i, 'c')];
    const terms = [...choices.map((choice, j) => `(g === ${JSON.stringify(choice)}) * ${j + 1}`), `(g === ABSENT) * ${none}`];
    const lines = [
      `g = S${r}[${i}];`,
      `j = ${terms.join(' + ')};`,
      `${a} = ${activity};`,
      `if (${pack(legal)}j + ${none + 1} * ${a}] === 0) return false;`,
      // The choice index; `none - 1` when inactive, a bit no mask sets.
      `p += ${a}; ${c} = j - 1;`,
    ];
    for (const f of folded.get(c) ?? []) lines.push(`${f.local} = ${pack([0, ...f.table, f.inactive])}j];`);
    return lines;
  }

  /**
   * A condition as an expression worth 1 or 0, from bit masks over the parents' choice indices (an
   * inactive parent has index -1 or its `none` index, neither of which a mask sets); undefined for
   * conditions on numeric parents or on parents with too many choices.
   */
  function compileActivity(condition: Condition, reader: RowReader): string | undefined {
    if ('conditions' in condition) {
      const parts = condition.conditions.map((c) => compileActivity(c, reader));
      if (parts.some((p) => p === undefined)) return undefined;
      return `(${parts.join(condition.type === 'AND' ? ' & ' : ' | ')})`;
    }
    const at = reader.parameters.findIndex((p) => p.name === condition.parent);
    const choices = choicesOf(reader.parameters[at]!);
    if (choices === undefined || choices.length >= MAX_MASKED_CHOICES) return undefined;
    let hits: boolean[];
    if (condition.type === 'IN' || condition.type === 'EQ' || condition.type === 'NEQ') {
      const wanted = condition.type === 'IN' ? condition.values : [condition.value];
      hits = choices.map((c) => wanted.includes(c) !== (condition.type === 'NEQ'));
    } else {
      const bound = choices.indexOf(condition.value);
      hits = choices.map((_, j) => (condition.type === 'LT' ? j < bound : j > bound));
    }
    const mask = hits.reduce((m, hit, j) => (hit ? m | (1 << j) : m), 0);
    return `((${mask} >>> ${v(readers.indexOf(reader), at, 'c')}) & 1)`;
  }

  function compileCheck(spec: ParameterSpec, r: number, i: number): string[] | undefined {
    const choices = choicesOf(spec);
    if (choices !== undefined) {
      if (new Set(choices).size !== choices.length || choices.some((c) => typeof c === 'number' && Number.isNaN(c))) return undefined;
      const cases = choices.map((c, j) => {
        const label = typeof c === 'string' ? JSON.stringify(c) : typeof c === 'boolean' ? String(c) : typeof c === 'number' ? literal(c) : undefined;
        const value = typeof c === 'number' ? literal(c) : c === true ? '1' : c === false ? '0' : 'NaN';
        // The value local starts at NaN: a string choice leaves it there.
        const stores = [
          `${v(r, i, 'c')} = ${j};`,
          ...(value === 'NaN' ? [] : [`${v(r, i, 'v')} = ${value};`]),
          ...(folded.get(v(r, i, 'c')) ?? []).map((f) => `${f.local} = ${literal(f.table[j]!)};`),
        ];
        return label === undefined ? undefined : `case ${label}: ${stores.join(' ')} break;`;
      });
      if (cases.some((c) => c === undefined)) return undefined;
      return [`switch (g) {`, ...(cases as string[]), `default: return false; }`];
    }
    if (spec.type !== 'integer' && spec.type !== 'float') return undefined;
    const lo = literal(spec.lower);
    const out = [`if (typeof g !== 'number' || !(g >= ${lo} && g <= ${literal(spec.upper)})) return false;`];
    if (spec.type === 'integer') out.push(`if (!Number.isInteger(g)) return false;`);
    if (spec.type === 'float' && spec.q !== undefined && spec.q > 0) {
      out.push(`m = (g - ${lo}) / ${literal(spec.q)};`, `if (Math.abs(m - Math.round(m)) > 1e-9 * Math.max(1, Math.abs(m))) return false;`);
    }
    out.push(`${v(r, i, 'v')} = g;`);
    return out;
  }

  function compilePredicate(condition: Condition, reader: RowReader, r: number): string {
    if ('conditions' in condition) {
      const parts = condition.conditions.map((c) => compilePredicate(c, reader, r));
      return `(${parts.join(condition.type === 'AND' ? ' && ' : ' || ')})`;
    }
    const at = reader.parameters.findIndex((p) => p.name === condition.parent);
    const active = `${v(r, at, 'a')} === 1`;
    const choice = v(r, at, 'c');
    const value = v(r, at, 'v');
    const choices = choicesOf(reader.parameters[at]!);
    if (condition.type === 'IN' || condition.type === 'EQ' || condition.type === 'NEQ') {
      const wanted = condition.type === 'IN' ? condition.values : [condition.value];
      let any: string;
      if (choices !== undefined) {
        const hits = choices.flatMap((c, j) => (wanted.includes(c) ? [`${choice} === ${j}`] : []));
        any = hits.length === 0 ? 'false' : `(${hits.join(' || ')})`;
      } else {
        const numbers = wanted.map(Number);
        if (condition.type === 'NEQ') return `(${active} && ${value} !== ${literal(numbers[0]!)})`;
        any = `(${numbers.map((x) => `${value} === ${literal(x)}`).join(' || ')})`;
      }
      return condition.type === 'NEQ' ? `(${active} && !${any})` : `(${active} && ${any})`;
    }
    const op = condition.type === 'LT' ? '<' : '>';
    if (choices !== undefined) return `(${active} && ${choice} ${op} ${choices.indexOf(condition.value)})`;
    return `(${active} && ${value} ${op} ${literal(Number(condition.value))})`;
  }

  // The encoding: one store per column, from the locals the checks left.
  const tables: Int32Array[] = [];
  const encode: string[] = [];
  for (let k = 0; k < encoder.compiled.length; k++) {
    const input = encoder.compiled[k]!;
    if (input.dtype === 'int64') return undefined;
    encode.push(`const d${k} = B[${k}].data; const b${k} = row * ${input.width};`);
    for (let j = 0; j < input.columns.length; j++) {
      const column = input.columns[j]!;
      const r = readers.indexOf(column.reader);
      const at = `b${k} + ${column.offset}`;
      const a = `${v(r, column.slot, 'a')} === 1`;
      const c = v(r, column.slot, 'c');
      const x = v(r, column.slot, 'v');
      switch (column.kind) {
        case ENCODING_KIND.CATEGORY_INDEX:
          if (folded.has(c)) {
            encode.push(`d${k}[${at}] = e${k}_${j};`);
            break;
          }
          tables.push(column.table);
          encode.push(`d${k}[${at}] = ${a} ? T${tables.length - 1}[${c}] : ${literal(column.inactive)};`);
          break;
        case ENCODING_KIND.RAW:
          encode.push(`d${k}[${at}] = ${a} ? ${x} : ${literal(column.inactive)};`);
          break;
        case ENCODING_KIND.LOG:
          encode.push(`d${k}[${at}] = ${a} ? Math.log(${x}) : ${literal(column.inactive)};`);
          break;
        case ENCODING_KIND.ONE_HOT:
          tables.push(column.table);
          encode.push(`if (${a}) { q = T${tables.length - 1}[${c}]; if (q >= 0) d${k}[${at} + q] = 1; }`);
          break;
        case ENCODING_KIND.FIXED_ONE_HOT:
          if (column.inactive >= 0) encode.push(`d${k}[${at} + ${column.inactive}] = 1;`);
          break;
        default:
          encode.push(`d${k}[${at}] = ${literal(column.inactive)};`);
      }
    }
  }

  const source = [
    ...tables.map((_, t) => `const T${t} = T[${t}];`),
    `const OP = Object.prototype;`,
    `const ABSENT = ${constant(ABSENT)};`,
    `const PI = ${constant(Int32Array.from(packed.PI))};`,
    `const PF = ${constant(Float64Array.from(packed.PF))};`,
    ...preamble,
    `let busy = false;`,
    `function check(cfg, fid, row, B) {`,
    `let g, h, j = 0, k = 0, t = 0, n = 0, p = 0, m = 0, q = 0${declared.length === 0 ? '' : ', ' + declared.join(', ')};`,
    ...lines,
    ...encode,
    `return true;`,
    `}`,
    `return function surrogateRowCodec(cfg, fid, row, B) {`,
    `if (busy) return false;`,
    `busy = true;`,
    `try { return check(cfg, fid, row, B); } finally { busy = false; }`,
    `};`,
  ].join('\n');
  return new Function('T', 'K', source)(tables, constants) as RowCodec;
}
