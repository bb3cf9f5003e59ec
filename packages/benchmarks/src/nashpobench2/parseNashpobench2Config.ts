import { nashpobench2FromFlatIndex, parseNashpobench2CellCode } from '@jahskit/spaces';

/**
 * Other notations of a configuration: `{cellcode: "A|BC|DEF", lr, batch_size, ...}` (the API's
 * `query_by_key`) and `{index: n}` (the API's flat index, cell * 48 + lr * 6 + batch); other keys
 * (e.g. `epoch`) are kept. Anything else is returned unchanged.
 */
export function parseNashpobench2Config(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  if ('cellcode' in input) {
    const { cellcode, ...rest } = input as { cellcode: unknown };
    return { ...parseNashpobench2CellCode(cellcode as string), ...rest };
  }
  if ('index' in input) {
    const { index, ...rest } = input as { index: unknown };
    return { ...nashpobench2FromFlatIndex(index as number), ...rest };
  }
  return input;
}
