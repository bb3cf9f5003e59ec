import type { Condition } from '../conditions/Condition';
import { compileCondition, type ParameterResolver } from '../conditions/compileCondition';
import { SpaceError } from '../errors/SpaceError';
import { compileForbidden } from '../forbiddens/compileForbidden';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { ConfigurationSpace } from '../space/ConfigurationSpace';
import { detectPcsFormat, type PcsFormat } from './detectPcsFormat';
import { parsePcsCondition } from './parsePcsCondition';
import { parsePcsForbidden } from './parsePcsForbidden';
import { parsePcsParameter } from './parsePcsParameter';
import { asPcsError, atPlace, pcsError } from './pcsError';
import { pcsLines } from './pcsLines';

export interface ReadPcsOptions {
  /** The dialect; by default it is detected from the text (see {@link detectPcsFormat}). */
  readonly format?: PcsFormat;
  /** The file's name, for error messages (default `(pcs)`). */
  readonly file?: string;
  /** Name for the space (PCS files carry none). */
  readonly name?: string;
}

/**
 * Reads a PCS file, classic or new format (ConfigSpace's `read_and_write.pcs` / `pcs_new`), into
 * a space. Parameters may come in any order relative to the conditions and clauses that use them.
 * Several condition lines for one child are joined by AND (the classic format's meaning, kept for
 * the new one). Every error is a `SpaceError` 'invalid-pcs' naming the file, the line, the
 * parameter and what is allowed.
 */
export function readPcs(text: string, options: ReadPcsOptions = {}): ConfigurationSpace {
  const file = options.file ?? '(pcs)';
  if (typeof text !== 'string') throw pcsError({ file }, '(document)', `expected the text of a PCS file, got ${typeof text}`, 'a string');
  const lines = pcsLines(text);
  const format = options.format ?? detectPcsFormat(lines);

  const parameters = new Map<string, Hyperparameter>();
  const lineOf = new Map<string, number>();
  for (const line of lines) {
    if (line.kind !== 'parameter') continue;
    const hp = parsePcsParameter(line, format, file);
    const first = lineOf.get(hp.name);
    if (first !== undefined)
      throw pcsError({ file, line: line.line }, hp.name, `this parameter is already defined on line ${first}`, 'one definition per name');
    parameters.set(hp.name, hp);
    lineOf.set(hp.name, line.line);
  }
  const hps = [...parameters.values()];
  const resolve: ParameterResolver = (name) => {
    const hyperparameter = parameters.get(name);
    return hyperparameter === undefined ? undefined : { index: hps.indexOf(hyperparameter), hyperparameter };
  };

  // Each line is checked on its own so that a bad value is reported at its line.
  const byChild = new Map<string, { line: number; parts: Condition[] }>();
  const forbiddens: ForbiddenClause[] = [];
  for (const line of lines) {
    const place = { file, line: line.line };
    if (line.kind === 'condition') {
      const condition = parsePcsCondition(line, format, file, parameters);
      atPlace(place, 'conditions on other parameters, with values legal for the parent', () => compileCondition(condition, resolve));
      const entry = byChild.get(condition.child);
      if (entry === undefined) byChild.set(condition.child, { line: line.line, parts: [condition] });
      else entry.parts.push(condition);
    } else if (line.kind === 'forbidden') {
      const clause = parsePcsForbidden(line, file, parameters);
      atPlace(place, 'clauses with values legal for their parameters', () => compileForbidden(clause, resolve));
      forbiddens.push(clause);
    }
  }
  // Lines of one child are joined into one flat AND, so that writing it back gives the same space.
  const conditions: Condition[] = [...byChild.entries()].map(([child, { parts }]) =>
    parts.length === 1 ? (parts[0] as Condition) : { type: 'AND', child, conditions: parts.flatMap((c) => (c.type === 'AND' ? c.conditions : [c])) },
  );

  try {
    return new ConfigurationSpace({ ...(options.name === undefined ? {} : { name: options.name }), parameters: hps, conditions, forbiddens });
  } catch (error) {
    if (!SpaceError.is(error)) throw error;
    // What is left is about the whole set of conditions (a cycle): point at the named child's condition.
    const line = byChild.get(error.parameter)?.line;
    throw asPcsError(line === undefined ? { file } : { file, line }, error, 'acyclic conditions');
  }
}
