import type { Configuration, ParameterSpec, ParamValue } from '@jahskit/core';
import { BenchmarkError } from '../errors/BenchmarkError';
import type { SurrogateInput } from '../surrogate/SurrogateSession';
import type { OnnxSurrogateManifest } from './OnnxSurrogateManifest';

const CATEGORY_INDEX = 0;
const RAW = 1;
const LOG = 2;
const ONE_HOT = 3;

const CONFIG = 0;
const FIDELITY = 1;
const CONSTANT = 2;

interface CompiledColumn {
  readonly parameter: string;
  readonly kind: number;
  readonly source: number;
  readonly constant: ParamValue | undefined;
  /** Position in the row. */
  readonly offset: number;
  /** category-index: value -> code; one-hot: value -> position after `offset` (-1: dropped). */
  readonly table: ReadonlyMap<unknown, number> | undefined;
  readonly inactive: number;
}

interface CompiledInput {
  readonly name: string;
  readonly dtype: 'float32' | 'int32' | 'int64';
  readonly width: number;
  readonly columns: readonly CompiledColumn[];
}

/** Writes validated (configuration, fidelity) rows into pre-allocated input tensors. */
export interface InputEncoder {
  readonly inputs: readonly { readonly name: string; readonly dtype: string; readonly width: number }[];
  /** Zeroed buffers for `rows` rows. */
  allocate(rows: number): SurrogateInput[];
  /** Encodes row `row`; the configuration must already have passed validation. */
  encode(config: Configuration, fidelity: Configuration, row: number, buffers: readonly SurrogateInput[]): void;
}

export interface InputEncoderSpaces {
  readonly config: readonly ParameterSpec[];
  readonly fidelity: readonly ParameterSpec[];
  /** Values of model inputs that neither space varies (a restricted space may drop fixed parameters). */
  readonly constants?: Readonly<Record<string, ParamValue>>;
}

/**
 * Compiles the manifest's input columns into lookup tables, once: the hot loop does one property
 * read and one table lookup per column, and writes into typed arrays allocated once per batch.
 * Every legal value of the space must have a code, checked here, so that no index the model cannot
 * gather from ever reaches onnxruntime.
 */
export function compileInputEncoder(
  inputs: OnnxSurrogateManifest['inputs'],
  spaces: InputEncoderSpaces,
  mappings: Readonly<Record<string, Readonly<Record<string, number>>>> = {},
): InputEncoder {
  const specs = new Map<string, { spec: ParameterSpec; source: number }>();
  for (const spec of spaces.config) specs.set(spec.name, { spec, source: CONFIG });
  for (const spec of spaces.fidelity) specs.set(spec.name, { spec, source: FIDELITY });

  const compiled: CompiledInput[] = inputs.map((input) => {
    let offset = 0;
    const columns = input.columns.map((column): CompiledColumn => {
      const found = specs.get(column.parameter);
      const constant = spaces.constants?.[column.parameter];
      if (found === undefined && constant === undefined) {
        throw definitionError(`input "${input.name}" reads parameter "${column.parameter}", which is in neither the space nor the fidelity space`, column.parameter);
      }
      const source = found?.source ?? CONSTANT;
      const values: readonly ParamValue[] = found === undefined ? [constant!] : legalChoices(found.spec);
      const at = offset;
      switch (column.encoding) {
        case 'category-index': {
          const mapping = column.mapping ?? mappings[column.parameter];
          if (mapping === undefined) throw definitionError(`category-index column "${column.parameter}" has no mapping`, column.parameter);
          const table = new Map<unknown, number>();
          for (const value of values) {
            const code = mapping[String(value)];
            if (code === undefined) {
              throw definitionError(`the mapping of "${column.parameter}" has no code for ${JSON.stringify(value)}; codes exist for ${Object.keys(mapping).join(', ')}`, column.parameter);
            }
            table.set(value, code);
          }
          offset += 1;
          return { parameter: column.parameter, kind: CATEGORY_INDEX, source, constant, offset: at, table, inactive: column.inactive ?? mapping['#na#'] ?? 0 };
        }
        case 'raw':
        case 'log':
          if (found !== undefined && !['integer', 'float'].includes(found.spec.type) && values.some((v) => typeof v !== 'number')) {
            throw definitionError(`${column.encoding} column "${column.parameter}" needs numeric values`, column.parameter);
          }
          offset += 1;
          return { parameter: column.parameter, kind: column.encoding === 'raw' ? RAW : LOG, source, constant, offset: at, table: undefined, inactive: column.inactive };
        case 'one-hot': {
          const kept = column.categories.filter((c) => column.drop === undefined || c !== column.drop);
          const table = new Map<unknown, number>(column.categories.map((c) => [c, kept.indexOf(c)]));
          for (const value of values) {
            if (!table.has(value)) throw definitionError(`one-hot column "${column.parameter}" has no category ${JSON.stringify(value)}`, column.parameter);
          }
          offset += kept.length;
          return { parameter: column.parameter, kind: ONE_HOT, source, constant, offset: at, table, inactive: 0 };
        }
      }
    });
    return { name: input.name, dtype: input.dtype, width: offset, columns };
  });

  return {
    inputs: compiled.map(({ name, dtype, width }) => ({ name, dtype, width })),
    allocate: (rows) =>
      compiled.map(({ name, dtype, width }) => ({
        name,
        width,
        data: dtype === 'float32' ? new Float32Array(rows * width) : dtype === 'int32' ? new Int32Array(rows * width) : new BigInt64Array(rows * width),
      })),
    encode(config, fidelity, row, buffers) {
      for (let i = 0; i < compiled.length; i++) {
        const input = compiled[i]!;
        const data = buffers[i]!.data;
        const base = row * input.width;
        const columns = input.columns;
        if (data instanceof BigInt64Array) {
          const scratch = new Float64Array(input.width);
          for (let k = 0; k < columns.length; k++) writeColumn(columns[k]!, config, fidelity, scratch, 0);
          for (let k = 0; k < input.width; k++) data[base + k] = BigInt(Math.trunc(scratch[k]!));
          continue;
        }
        for (let k = 0; k < columns.length; k++) writeColumn(columns[k]!, config, fidelity, data, base);
      }
    },
  };
}

function writeColumn(column: CompiledColumn, config: Configuration, fidelity: Configuration, data: Float32Array | Int32Array | Float64Array, base: number): void {
  const value = column.source === CONFIG ? config[column.parameter] : column.source === FIDELITY ? fidelity[column.parameter] : column.constant;
  const at = base + column.offset;
  switch (column.kind) {
    case CATEGORY_INDEX:
      data[at] = value === undefined ? column.inactive : column.table!.get(value)!;
      return;
    case RAW:
      data[at] = value === undefined ? column.inactive : (value as number);
      return;
    case LOG:
      data[at] = value === undefined ? column.inactive : Math.log(value as number);
      return;
    default: {
      if (value === undefined) return;
      const position = column.table!.get(value)!;
      if (position >= 0) data[at + position] = 1;
    }
  }
}

function legalChoices(spec: ParameterSpec): readonly ParamValue[] {
  switch (spec.type) {
    case 'categorical':
      return spec.choices;
    case 'ordinal':
      return spec.sequence;
    case 'constant':
      return [spec.value];
    default:
      return [];
  }
}

function definitionError(message: string, parameter: string): BenchmarkError {
  return new BenchmarkError('invalid-definition', message, { parameter });
}
