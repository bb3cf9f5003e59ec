/** A value that survives `JSON.stringify` / `JSON.parse` unchanged: the currency of `state()`. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
