import type { JsonValue } from '@jahskit/core';

/**
 * The version of the states the optimizers here write. `readState` refuses any other, by name, so a
 * state saved under a different layout never half-restores; raise it when a layout changes.
 */
export const STATE_VERSION = 1;

/**
 * An optimizer's state as plain JSON: `{kind, version, ...body}`. The body is copied through JSON, so
 * the state shares no arrays with the live optimizer (which goes on changing them).
 */
export function writeState(kind: string, body: Readonly<Record<string, unknown>>): JsonValue {
  return JSON.parse(JSON.stringify({ kind, version: STATE_VERSION, ...body })) as JsonValue;
}
