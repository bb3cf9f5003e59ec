import { packageDataPath } from '../internal/packageDataPath';

/** SHA-256 of `data/nb201/nb201.bin` as written by `scripts/build-nb201-data.py`. */
export const NB201_DATA_SHA256 = '6cae81e66bae6e709252df7e1b85b1d7b56dad60134be09d6817008e261324f7';

/** The bundled table and its header (column names, dtypes, offsets). */
export function nb201DataPaths(): { readonly table: string; readonly header: string } {
  return { table: packageDataPath('nb201', 'nb201.bin'), header: packageDataPath('nb201', 'nb201.json') };
}
