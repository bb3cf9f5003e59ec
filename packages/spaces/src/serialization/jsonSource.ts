import type { ConfigSpaceJsonFormat } from './ConfigSpaceJsonFormat';

/** A JSON object exactly as it was read, and the dialect of its document. */
export interface JsonSource {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly format: ConfigSpaceJsonFormat;
}

// Keyed by the immutable model objects the reader built (spaces, hyperparameters, conditions,
// forbidden clauses): an object that is unchanged is written back as it was read, and an object
// built any other way (restrict, a new definition) has no entry. Weak, so nothing is kept alive.
const sources = new WeakMap<object, JsonSource>();

/** Remembers the JSON `raw` that `model` was read from. */
export function rememberJsonSource(model: object, raw: Readonly<Record<string, unknown>>, format: ConfigSpaceJsonFormat): void {
  sources.set(model, Object.freeze({ raw, format }));
}

/** The JSON `model` was read from, if it was read by `readConfigSpaceJson`. */
export function jsonSourceOf(model: object): JsonSource | undefined {
  return sources.get(model);
}

/** A deep copy of parsed JSON (so a written document never shares objects with what was read). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
