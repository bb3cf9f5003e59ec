import type { ParamValue } from '@jahskit/core';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { SurrogateInput } from '../surrogate/SurrogateSession';
import { choicesOf, type RowReader } from './compileRowReader';
import type { OnnxSurrogateManifest } from './OnnxSurrogateManifest';

const CATEGORY_INDEX = 0;
const RAW = 1;
const LOG = 2;
const ONE_HOT = 3;
const FIXED = 4;
const FIXED_ONE_HOT = 5;

export const ENCODING_KIND = { CATEGORY_INDEX, RAW, LOG, ONE_HOT, FIXED, FIXED_ONE_HOT } as const;

interface CompiledColumn {
  readonly kind: number;
  /** The reader holding the parameter's slots (configuration or fidelity); unused for FIXED. */
  readonly reader: RowReader;
  readonly slot: number;
  /** Position in the row. */
  readonly offset: number;
  /** category-index: code by choice index; one-hot: position after `offset` by choice index (-1: dropped). */
  readonly table: Int32Array;
  /** Written for an inactive parameter (category-index, raw, log), or always (FIXED). */
  readonly inactive: number;
}

interface CompiledInput {
  readonly name: string;
  readonly dtype: 'float32' | 'int32' | 'int64';
  readonly width: number;
  readonly columns: readonly CompiledColumn[];
}

/** Writes the row held by the readers into pre-allocated input tensors. */
export interface InputEncoder {
  readonly inputs: readonly { readonly name: string; readonly dtype: string; readonly width: number }[];
  /** Zeroed buffers for `rows` rows. */
  allocate(rows: number): SurrogateInput[];
  /** The compiled columns of every input, for code generation (`compileRowCodec`). */
  readonly compiled: readonly CompiledInput[];
  /**
   * Encoding a row writes every position of it: no one-hot column, which writes only its 1 and relies
   * on zeros elsewhere. Buffers reused for such an encoder need no zeroing between batches.
   */
  readonly writesWholeRows: boolean;
  /** Encodes the configuration and fidelity last read (and accepted) by the readers as row `row`. */
  encode(row: number, buffers: readonly SurrogateInput[]): void;
}

export interface EncoderReaders {
  readonly config: RowReader;
  readonly fidelity: RowReader;
  /** Values of model inputs that neither space varies (a restricted space may drop fixed parameters). */
  readonly constants?: Readonly<Record<string, ParamValue>>;
}

/**
 * Compiles the manifest's input columns into tables by choice index, once: the hot loop reads slots
 * the row reader filled and writes typed arrays allocated once per batch. Every legal value of the
 * space must have a code (checked here), so no index the model cannot gather from reaches onnxruntime.
 */
export function compileInputEncoder(
  inputs: OnnxSurrogateManifest['inputs'],
  readers: EncoderReaders,
  mappings: Readonly<Record<string, Readonly<Record<string, number>>>> = {},
): InputEncoder {
  const locate = (parameter: string): { reader: RowReader; slot: number } | undefined => {
    for (const reader of [readers.config, readers.fidelity]) {
      const slot = reader.parameters.findIndex((p) => p.name === parameter);
      if (slot >= 0) return { reader, slot };
    }
    return undefined;
  };

  const compiled: CompiledInput[] = inputs.map((input) => {
    let offset = 0;
    const columns = input.columns.map((column): CompiledColumn => {
      const found = locate(column.parameter);
      const constant = readers.constants?.[column.parameter];
      if (found === undefined && constant === undefined) {
        throw definitionError(
          `input "${input.name}" reads parameter "${column.parameter}", which is in neither the space nor the fidelity space`,
          column.parameter,
        );
      }
      const spec = found?.reader.parameters[found.slot];
      const choices = spec === undefined ? [constant!] : choicesOf(spec);
      const at = offset;
      offset += column.encoding === 'one-hot' ? column.categories.filter((c) => column.drop === undefined || c !== column.drop).length : 1;
      const base = { reader: found?.reader ?? readers.config, slot: found?.slot ?? 0, offset: at };

      let table = new Int32Array(0);
      let inactive = 0;
      switch (column.encoding) {
        case 'category-index': {
          const mapping = column.mapping ?? mappings[column.parameter];
          if (mapping === undefined) throw definitionError(`category-index column "${column.parameter}" has no mapping`, column.parameter);
          if (choices === undefined)
            throw definitionError(`category-index column "${column.parameter}" needs a categorical, ordinal or constant parameter`, column.parameter);
          table = Int32Array.from(choices, (value) => {
            const code = mapping[String(value)];
            if (code === undefined) {
              throw definitionError(
                `the mapping of "${column.parameter}" has no code for ${JSON.stringify(value)}; codes exist for ${Object.keys(mapping).join(', ')}`,
                column.parameter,
              );
            }
            return code;
          });
          inactive = column.inactive ?? mapping['#na#'] ?? 0;
          break;
        }
        case 'raw':
        case 'log':
          if (choices !== undefined && choices.some((v) => typeof v !== 'number' && typeof v !== 'boolean')) {
            throw definitionError(`${column.encoding} column "${column.parameter}" needs numeric values`, column.parameter);
          }
          inactive = column.inactive;
          break;
        case 'one-hot': {
          if (choices === undefined)
            throw definitionError(`one-hot column "${column.parameter}" needs a categorical, ordinal or constant parameter`, column.parameter);
          const kept = column.categories.filter((c) => column.drop === undefined || c !== column.drop);
          table = Int32Array.from(choices, (value) => {
            if (!column.categories.includes(value))
              throw definitionError(`one-hot column "${column.parameter}" has no category ${JSON.stringify(value)}`, column.parameter);
            return kept.indexOf(value);
          });
          break;
        }
      }
      if (found === undefined) {
        // A parameter no space varies: its encoding is the same for every row.
        const value = constant!;
        const fixed =
          column.encoding === 'category-index'
            ? table[0]!
            : column.encoding === 'one-hot'
              ? table[0]!
              : column.encoding === 'log'
                ? Math.log(Number(value))
                : Number(value);
        return { ...base, kind: column.encoding === 'one-hot' ? FIXED_ONE_HOT : FIXED, table, inactive: fixed };
      }
      const kind = column.encoding === 'category-index' ? CATEGORY_INDEX : column.encoding === 'raw' ? RAW : column.encoding === 'log' ? LOG : ONE_HOT;
      return { ...base, kind, table, inactive };
    });
    return { name: input.name, dtype: input.dtype, width: offset, columns };
  });

  return {
    inputs: compiled.map(({ name, dtype, width }) => ({ name, dtype, width })),
    compiled,
    writesWholeRows: compiled.every((input) => input.columns.every((c) => c.kind !== ONE_HOT && c.kind !== FIXED_ONE_HOT)),
    allocate: (rows) =>
      compiled.map(({ name, dtype, width }) => ({
        name,
        width,
        data: dtype === 'float32' ? new Float32Array(rows * width) : dtype === 'int32' ? new Int32Array(rows * width) : new BigInt64Array(rows * width),
      })),
    encode(row, buffers) {
      for (let i = 0; i < compiled.length; i++) {
        const input = compiled[i]!;
        const data = buffers[i]!.data;
        const columns = input.columns;
        if (data instanceof BigInt64Array) {
          const scratch = new Float64Array(input.width);
          for (let k = 0; k < columns.length; k++) writeColumn(columns[k]!, scratch, 0);
          for (let k = 0; k < input.width; k++) data[row * input.width + k] = BigInt(Math.trunc(scratch[k]!));
          continue;
        }
        const base = row * input.width;
        for (let k = 0; k < columns.length; k++) writeColumn(columns[k]!, data, base);
      }
    },
  };
}

function writeColumn(column: CompiledColumn, data: Float32Array | Int32Array | Float64Array, base: number): void {
  const { reader, slot } = column;
  const at = base + column.offset;
  switch (column.kind) {
    case CATEGORY_INDEX:
      data[at] = reader.active[slot] === 1 ? column.table[reader.choice[slot]!]! : column.inactive;
      return;
    case RAW:
      data[at] = reader.active[slot] === 1 ? reader.value[slot]! : column.inactive;
      return;
    case LOG:
      data[at] = reader.active[slot] === 1 ? Math.log(reader.value[slot]!) : column.inactive;
      return;
    case ONE_HOT: {
      if (reader.active[slot] !== 1) return;
      const position = column.table[reader.choice[slot]!]!;
      if (position >= 0) data[at + position] = 1;
      return;
    }
    case FIXED_ONE_HOT:
      if (column.inactive >= 0) data[at + column.inactive] = 1;
      return;
    default:
      data[at] = column.inactive;
  }
}

function definitionError(message: string, parameter: string): BenchmarkError {
  return new BenchmarkError('invalid-definition', message, { parameter });
}
