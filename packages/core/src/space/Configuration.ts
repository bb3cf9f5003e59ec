/** A hyperparameter value: categorical choices may be strings, numbers or booleans. */
export type ParamValue = string | number | boolean;

/**
 * A point of a search space: parameter name -> value. Inactive parameters (whose conditions
 * do not hold) are absent, never `undefined` or null, so that equality is plain key comparison.
 */
export type Configuration = Readonly<Record<string, ParamValue>>;
