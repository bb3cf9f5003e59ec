import type { JsonValue } from '@jahskit/core';
import type { z } from 'zod';
import { OptimizerError } from '../errors/OptimizerError';
import { stateError } from './stateError';
import { STATE_VERSION } from './writeState';

/**
 * Reads a state written by `writeState`: it must carry this optimizer's `kind` and the current
 * version, and its body must match `body` (a zod schema, which also checks configurations against the
 * space and indices against what they index). Anything else is an OptimizerError of kind
 * 'invalid-state' naming the first field that is wrong (`state.population[3].config`), raised before
 * the optimizer changes, so a damaged state never surfaces later as a bad proposal.
 */
export function readState<S extends z.ZodType>(state: JsonValue, kind: string, body: S): z.output<S> {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new OptimizerError('invalid-state', `expected a state saved by optimizer "${kind}" (an object {kind, version, ...}), got ${describe(state)}`, {
      parameter: 'state',
    });
  }
  const fields = state as { readonly [key: string]: JsonValue };
  if (fields['kind'] !== kind) {
    throw new OptimizerError('invalid-state', `state.kind: expected a state saved by optimizer "${kind}", got ${describe(fields['kind'])}`, {
      parameter: 'state.kind',
      allowed: JSON.stringify(kind),
    });
  }
  if (fields['version'] !== STATE_VERSION) {
    throw new OptimizerError(
      'invalid-state',
      `state.version: optimizer "${kind}" reads states of version ${STATE_VERSION}, got ${describe(fields['version'])}`,
      {
        parameter: 'state.version',
        allowed: String(STATE_VERSION),
      },
    );
  }
  const parsed = body.safeParse(state);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw stateError(kind, fieldName(issue.path), issue.message);
}

/** `state.population[3].config` from zod's path. */
function fieldName(path: readonly PropertyKey[]): string {
  let name = 'state';
  for (const key of path) name += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return name;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
