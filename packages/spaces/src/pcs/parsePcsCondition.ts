import type { ParamValue } from '@jahskit/core';
import type { Condition } from '../conditions/Condition';
import { formatList } from '../errors/formatValue';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import type { PcsFormat } from './detectPcsFormat';
import { pcsError, type PcsPlace } from './pcsError';
import type { PcsLine } from './pcsLines';
import { isPcsName, parsePcsNumber, PCS_NAME, PCS_NAME_ALLOWED, splitPcsList } from './pcsSyntax';

/** The parameters of the file so far, by name, in file order. */
export type PcsParameters = ReadonlyMap<string, Hyperparameter>;

const IN = new RegExp(`^(${PCS_NAME})\\s+in\\s*(?:\\{([^}]*)\\}|([^{}]*))$`);
// The parent is taken as short as possible so that `a<3` reads as a < 3 (names may contain < and >).
const COMPARE = /^(\S+?)\s*(==|!=|<|>)\s*(\S+)$/;

const SHAPES: Record<PcsFormat, string> = {
  classic: 'child | parent in {a, b}',
  new: 'child | parent OP value, OP one of == != < > (or parent in {a, b}), joined by && and ||',
};

/** A value token read as the parent's values are: numbers for integer and real parents, strings otherwise. */
export function pcsValue(place: PcsPlace, child: string, parent: Hyperparameter, token: string): ParamValue {
  if (!isPcsName(token)) throw pcsError(place, child, `value ${JSON.stringify(token)} is not a PCS value`, PCS_NAME_ALLOWED);
  if (parent.type === 'integer' || parent.type === 'float') {
    const n = parsePcsNumber(token);
    if (n === undefined) throw pcsError(place, child, `value ${JSON.stringify(token)} of "${parent.name}" is not a number`, parent.allowed);
    return n;
  }
  return token;
}

function atom(place: PcsPlace, format: PcsFormat, child: string, text: string, parameters: PcsParameters): Condition {
  const known = (name: string): Hyperparameter => {
    const parent = parameters.get(name);
    if (parent === undefined) {
      throw pcsError(
        place,
        child,
        `the condition refers to the unknown parent "${name}"`,
        `parameters defined in the file: ${formatList([...parameters.keys()])}`,
      );
    }
    return parent;
  };
  const inMatch = IN.exec(text);
  if (inMatch !== null) {
    const [, parentName, braced, bare] = inMatch as unknown as [string, string, string | undefined, string | undefined];
    if (format === 'classic' && braced === undefined) throw pcsError(place, child, `cannot read condition ${JSON.stringify(text)}`, SHAPES.classic);
    const parent = known(parentName);
    const values = splitPcsList(braced ?? bare ?? '').map((v) => pcsValue(place, child, parent, v));
    // As ConfigSpace does, `in` with a single value is an equality.
    return values.length === 1 ? { type: 'EQ', child, parent: parentName, value: values[0] as ParamValue } : { type: 'IN', child, parent: parentName, values };
  }
  const cmp = format === 'new' ? COMPARE.exec(text) : null;
  if (cmp === null) throw pcsError(place, child, `cannot read condition ${JSON.stringify(text)}`, SHAPES[format]);
  const [, parentName, op, token] = cmp as unknown as [string, string, string, string];
  const parent = known(parentName);
  const value = pcsValue(place, child, parent, token);
  const type = op === '==' ? 'EQ' : op === '!=' ? 'NEQ' : op === '<' ? 'LT' : 'GT';
  return { type, child, parent: parentName, value };
}

/**
 * The condition on one PCS condition line, as `{child, condition}`. The new format's `&&` binds
 * tighter than `||` (as in ConfigSpace's `pcs_new`), so `a && b || c` is an OR of an AND and `c`.
 */
export function parsePcsCondition(line: PcsLine, format: PcsFormat, file: string, parameters: PcsParameters): Condition {
  const place: PcsPlace = { file, line: line.line };
  const bar = line.text.indexOf('|');
  const child = line.text.slice(0, bar).trim();
  const rest = line.text.slice(bar + 1).trim();
  if (!isPcsName(child))
    throw pcsError(
      place,
      child === '' ? `(line ${line.line})` : child,
      `condition line ${JSON.stringify(line.text)} does not start with a parameter name`,
      SHAPES[format],
    );
  if (!parameters.has(child)) {
    throw pcsError(place, child, 'a condition is given for this unknown parameter', `parameters defined in the file: ${formatList([...parameters.keys()])}`);
  }
  if (rest.startsWith('|')) throw pcsError(place, child, `cannot read condition ${JSON.stringify(line.text)}`, SHAPES[format]);
  const conjunction = (type: 'AND' | 'OR', parts: Condition[]): Condition =>
    parts.length === 1 ? (parts[0] as Condition) : { type, child, conditions: parts };
  const ors = format === 'new' ? rest.split('||') : [rest];
  return conjunction(
    'OR',
    ors.map((part) =>
      conjunction(
        'AND',
        (format === 'new' ? part.split('&&') : [part]).map((a) => atom(place, format, child, a.trim(), parameters)),
      ),
    ),
  );
}
