import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { IntegerHyperparameter } from '../hyperparameters/IntegerHyperparameter';
import { OrdinalHyperparameter } from '../hyperparameters/OrdinalHyperparameter';
import type { PcsFormat } from './detectPcsFormat';
import { atPlace, pcsError, type PcsPlace } from './pcsError';
import type { PcsLine } from './pcsLines';
import { isPcsName, parsePcsNumber, PCS_NAME, PCS_NAME_ALLOWED, splitPcsList } from './pcsSyntax';

const CLASSIC_NUMERIC = new RegExp(`^(${PCS_NAME})\\s*\\[([^\\]]*)\\]\\s*\\[([^\\]]*)\\]\\s*([A-Za-z]*)$`);
const CLASSIC_CHOICE = new RegExp(`^(${PCS_NAME})\\s*\\{([^}]*)\\}\\s*\\[([^\\]]*)\\]$`);
const NEW_HEAD = new RegExp(`^(${PCS_NAME})\\s+([A-Za-z_]+)\\s*(.*)$`);
const RANGE = /^\[([^\]]*)\]\s*\[([^\]]*)\]\s*([A-Za-z]*)$/;
const CHOICES = /^\{([^}]*)\}\s*\[([^\]]*)\]$/;

const NEW_TYPES = ['integer', 'real', 'categorical', 'ordinal'] as const;

const SHAPES: Record<PcsFormat, string> = {
  classic: 'name {a, b} [a] | name [lower, upper] [default] followed by i (integer), l (log) or il',
  new: 'name categorical {a, b} [a] | name ordinal {a, b} [a] | name integer [lower, upper] [default] (log) | name real [lower, upper] [default] (log)',
};

function leadingName(text: string): string {
  const m = new RegExp(`^${PCS_NAME}`).exec(text);
  return m === null ? '(line)' : m[0];
}

function numberAt(place: PcsPlace, name: string, text: string, what: string, integer: boolean): number {
  const n = parsePcsNumber(text);
  if (n === undefined || (integer && !Number.isInteger(n))) {
    throw pcsError(
      place,
      name,
      `${what} ${JSON.stringify(text.trim())} is not ${integer ? 'an integer' : 'a number'}`,
      integer ? 'integers such as 3 or -10' : 'numbers such as 0.5, -3 or 1e-05',
    );
  }
  return n;
}

function bounds(place: PcsPlace, name: string, inner: string, integer: boolean): [number, number] {
  const parts = inner.split(',');
  if (parts.length !== 2) throw pcsError(place, name, `range [${inner}] needs two bounds`, '[lower, upper]');
  return [numberAt(place, name, parts[0] as string, 'lower bound', integer), numberAt(place, name, parts[1] as string, 'upper bound', integer)];
}

function names(place: PcsPlace, name: string, inner: string, what: string): string[] {
  const values = splitPcsList(inner);
  for (const v of values) {
    if (!isPcsName(v)) throw pcsError(place, name, `${what} ${JSON.stringify(v)} is not a PCS value`, PCS_NAME_ALLOWED);
  }
  return values;
}

function numeric(place: PcsPlace, name: string, inner: string, defaultText: string, integer: boolean, log: boolean): Hyperparameter {
  const [lower, upper] = bounds(place, name, inner, integer);
  const def = numberAt(place, name, defaultText, 'default', integer);
  const allowed = `${integer ? 'integer' : 'real'} parameters with lower < upper (lower > 0 on a log scale) and a default between them`;
  return atPlace(place, allowed, () =>
    integer ? new IntegerHyperparameter(name, lower, upper, { log, default: def }) : new FloatHyperparameter(name, lower, upper, { log, default: def }),
  );
}

function choices(place: PcsPlace, name: string, inner: string, defaultText: string, ordinal: boolean): Hyperparameter {
  const values = names(place, name, inner, ordinal ? 'entry' : 'choice');
  const def = defaultText.trim();
  return atPlace(place, `distinct ${ordinal ? 'entries' : 'choices'} and a default among them`, () =>
    ordinal ? new OrdinalHyperparameter(name, values, { default: def }) : new CategoricalHyperparameter(name, values, { default: def }),
  );
}

/**
 * The hyperparameter one PCS parameter line defines. Values are read as ConfigSpace reads them:
 * categorical choices and ordinal entries are strings (`{0, 1}` gives "0" and "1"), bounds and
 * defaults of `integer` / `real` (classic: `i`) parameters are numbers.
 */
export function parsePcsParameter(line: PcsLine, format: PcsFormat, file: string): Hyperparameter {
  const place: PcsPlace = { file, line: line.line };
  const text = line.text;
  const malformed = (problem = `cannot read ${JSON.stringify(text)} as a ${format}-format parameter`) =>
    pcsError(place, leadingName(text), problem, SHAPES[format]);
  if (format === 'classic') {
    const n = CLASSIC_NUMERIC.exec(text);
    if (n !== null) {
      const [, name, inner, def, flags] = n as unknown as [string, string, string, string, string];
      if (!/^(?:|i|l|il|li)$/.test(flags)) {
        throw pcsError(place, name, `unknown flag ${JSON.stringify(flags)} after the default`, 'i (integer), l (log scale), il (both), or nothing (real)');
      }
      return numeric(place, name, inner, def, flags.includes('i'), flags.includes('l'));
    }
    const c = CLASSIC_CHOICE.exec(text);
    if (c !== null) {
      const [, name, inner, def] = c as unknown as [string, string, string, string];
      return choices(place, name, inner, def, false);
    }
    throw malformed();
  }
  const head = NEW_HEAD.exec(text);
  if (head === null) throw malformed();
  const [, name, type, rest] = head as unknown as [string, string, string, string];
  if (!(NEW_TYPES as readonly string[]).includes(type)) {
    if (!/^[[{]/.test(rest)) throw malformed();
    throw pcsError(place, name, `unknown type ${JSON.stringify(type)}`, NEW_TYPES.join(', '));
  }
  if (type === 'integer' || type === 'real') {
    const r = RANGE.exec(rest);
    if (r === null) throw malformed(`a ${type} parameter needs [lower, upper] [default], got ${JSON.stringify(rest)}`);
    const [, inner, def, flags] = r as unknown as [string, string, string, string];
    if (flags !== '' && flags !== 'log') throw pcsError(place, name, `unknown flag ${JSON.stringify(flags)} after the default`, 'log, or nothing');
    return numeric(place, name, inner, def, type === 'integer', flags === 'log');
  }
  const c = CHOICES.exec(rest);
  if (c === null) throw malformed(`a ${type} parameter needs {values} [default], got ${JSON.stringify(rest)}`);
  const [, inner, def] = c as unknown as [string, string, string];
  return choices(place, name, inner, def, type === 'ordinal');
}
