import { SpaceError } from '../errors/SpaceError';

/** Where in a PCS file something is: the file's name (or a stand-in) and a 1-based line, when one applies. */
export interface PcsPlace {
  readonly file: string;
  readonly line?: number;
}

/**
 * The one error of the PCS codec: a `SpaceError` 'invalid-pcs' about `item` (a parameter name, or
 * `(line N)` when the line names none) whose message starts with the file and line, so a user can
 * go straight to it: `parameter "lr": space.pcs line 4: unknown type "normal"; allowed: integer, real, ...`.
 */
export function pcsError(place: PcsPlace, item: string, problem: string, allowed?: string, cause?: unknown): SpaceError {
  const where = place.line === undefined ? place.file : `${place.file} line ${place.line}`;
  return new SpaceError('invalid-pcs', {
    parameter: item,
    problem: `${where}: ${problem}`,
    ...(allowed === undefined ? {} : { allowed }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/**
 * A `SpaceError` of another kind (raised while building a parameter, condition or clause) as
 * 'invalid-pcs' at `place`; `allowed` stands in when the error says nothing of what is allowed.
 */
export function asPcsError(place: PcsPlace, error: SpaceError, allowed: string): SpaceError {
  if (error.kind === 'invalid-pcs') return error;
  let problem = error.message.replace(/^parameter "[^"]*": /, '');
  const suffix = error.allowed === undefined ? '' : `; allowed: ${error.allowed}`;
  if (suffix !== '' && problem.endsWith(suffix)) problem = problem.slice(0, -suffix.length);
  return pcsError(place, error.parameter, problem, error.allowed ?? allowed, error);
}

/** Runs `build`, re-raising its definition errors as 'invalid-pcs' at `place` (see {@link asPcsError}). */
export function atPlace<T>(place: PcsPlace, allowed: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw SpaceError.is(error) ? asPcsError(place, error, allowed) : error;
  }
}
