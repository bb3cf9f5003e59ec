/**
 * The two dialects of ConfigSpace JSON:
 * - `'0.4'`: ConfigSpace before 1.0 (`json_format_version` 0.2 to 0.4): items carry `default`,
 *   categoricals `probabilities` or `weights`, forbidden relations are `RELATION` with a `lambda`;
 *   log-scale normals give mu and sigma of log(value).
 * - `'1'`: ConfigSpace 1.x (`format_version`): `default_value`, `weights`, `meta` on every item (null
 *   when unset), `RELATION_LT` / `_EQ` / `_GT`, bounds required; a log-scale normal's mu is a value.
 */
export type ConfigSpaceJsonFormat = '0.4' | '1';

export const CONFIG_SPACE_JSON_FORMATS: readonly ConfigSpaceJsonFormat[] = Object.freeze(['0.4', '1']);

/** The dialect of a parsed document: by its version key, else by its items' default key. */
export function detectConfigSpaceJsonFormat(root: Readonly<Record<string, unknown>>): ConfigSpaceJsonFormat {
  if ('format_version' in root) return '1';
  if ('json_format_version' in root) return '0.4';
  const items = root['hyperparameters'];
  const modern = Array.isArray(items) && items.some((h) => typeof h === 'object' && h !== null && 'default_value' in h);
  return modern ? '1' : '0.4';
}
