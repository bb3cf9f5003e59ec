import fc from 'fast-check';

/**
 * Mutations of the inputs a user hands to jahskit (JSON documents, files of bytes), for fuzz tests of
 * every parser: a plugin that reads its own files can run the same mutations over its fixtures. An
 * edit names its place as a number taken modulo the nodes or bytes there are, so that one arbitrary
 * serves documents of any shape and fast-check shrinks edits without knowing the document.
 */

/**
 * The fuzz suite's fixed seed (every *.fuzz.test.ts): CI replays the same cases on every run. To explore
 * further, set JAHSKIT_FUZZ_SEED (another seed) and JAHSKIT_FUZZ_RUNS (a multiplier of every property's
 * runs); a failure prints its seed and counterexample, which then goes into a regular test.
 */
export const FUZZ_SEED = Number(process.env['JAHSKIT_FUZZ_SEED'] ?? 13_2024);

/** fast-check parameters of a fuzz property with `numRuns` cases at the default depth. */
export function fuzzParams(numRuns: number): { seed: number; numRuns: number } {
  const factor = Number(process.env['JAHSKIT_FUZZ_RUNS'] ?? 1);
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * factor)) };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One edit of a JSON document: at the `at`-th node (mod their number), replace, remove, copy or retype it. */
export interface JsonEdit {
  readonly at: number;
  readonly kind: 'replace' | 'remove' | 'duplicate' | 'retype' | 'rename';
  readonly value: unknown;
}

/** Values an edit puts in: anything JSON, and the edge cases of numbers, strings and containers. */
export const jsonEditValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    null,
    0,
    -0,
    -1,
    1.5,
    1e308,
    -1e308,
    5e-324,
    2 ** 53 + 2,
    2 ** 32,
    '',
    ' ',
    '0',
    'NaN',
    'Infinity',
    '../x',
    '/etc/passwd',
    [],
    {},
    [[]],
    JSON.parse('{"__proto__":{"polluted":1}}') as unknown,
    'a'.repeat(2000),
  ),
);

export const jsonEdit: fc.Arbitrary<JsonEdit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'duplicate', 'retype', 'rename'),
  value: jsonEditValue,
});

/**
 * `doc` with `edits` applied, each at one of its nodes (the root included): the generic mutator for
 * every JSON input (ConfigSpace documents, manifests, study states, journal entries).
 */
export function applyJsonEdits<T>(doc: T, edits: readonly JsonEdit[]): T {
  let root = structuredClone(doc) as unknown as Json;
  for (const edit of edits) {
    const nodes: { parent: Json[] | { [key: string]: Json } | undefined; key: string | number; value: Json }[] = [];
    const walk = (value: Json, parent: (typeof nodes)[number]['parent'], key: string | number): void => {
      nodes.push({ parent, key, value });
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, value, i));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, value, k);
    };
    walk(root, undefined, '');
    const node = nodes[edit.at % nodes.length]!;
    const put = (value: Json): void => {
      if (node.parent === undefined) root = value;
      else (node.parent as Record<string | number, Json>)[node.key] = value;
    };
    switch (edit.kind) {
      case 'replace':
        put(edit.value as Json);
        break;
      case 'remove':
        if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
        else if (node.parent !== undefined) delete node.parent[node.key as string];
        break;
      case 'duplicate':
        if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 0, structuredClone(node.value));
        else put([node.value, node.value]);
        break;
      case 'retype':
        put(
          typeof node.value === 'number'
            ? String(node.value)
            : typeof node.value === 'string'
              ? Number(node.value) || node.value.length
              : Array.isArray(node.value)
                ? Object.fromEntries(node.value.map((v, i) => [String(i), v]))
                : node.value !== null && typeof node.value === 'object'
                  ? Object.values(node.value)
                  : String(node.value),
        );
        break;
      case 'rename':
        if (node.parent !== undefined && !Array.isArray(node.parent)) {
          delete node.parent[node.key as string];
          node.parent[typeof edit.value === 'string' ? edit.value : `${String(node.key)}_`] = node.value;
        }
        break;
    }
  }
  return root as unknown as T;
}

/** One edit of bytes: flip, set, insert, delete or cut at a position (mod the length). */
export interface ByteEdit {
  readonly at: number;
  readonly kind: 'flip' | 'set' | 'insert' | 'delete' | 'cut' | 'repeat';
  readonly byte: number;
  readonly length: number;
}

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('flip', 'set', 'insert', 'delete', 'cut', 'repeat'),
  byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x0a, 0x22, 0x7b, 0x7d, 0x2c, 0x30, 0x80, 0xff)),
  length: fc.integer({ min: 1, max: 64 }),
});

/** `bytes` with `edits` applied. */
export function applyByteEdits(bytes: Uint8Array, edits: readonly ByteEdit[]): Buffer {
  let out = Buffer.from(bytes);
  for (const edit of edits) {
    if (out.length === 0) break;
    const at = edit.at % out.length;
    switch (edit.kind) {
      case 'flip':
        out[at] = out[at]! ^ (1 << (edit.byte % 8));
        break;
      case 'set':
        out[at] = edit.byte;
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.alloc(edit.length, edit.byte), out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + edit.length)]);
        break;
      case 'cut':
        out = out.subarray(0, at);
        break;
      case 'repeat':
        out = Buffer.concat([out.subarray(0, at + edit.length), out.subarray(at)]);
        break;
    }
  }
  return out;
}
