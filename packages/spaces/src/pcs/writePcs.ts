import type { ParamValue } from '@jahskit/core';
import type { Condition } from '../conditions/Condition';
import { describeCondition } from '../conditions/describeCondition';
import { describeForbidden } from '../forbiddens/describeForbidden';
import type { ForbiddenClause, ForbiddenEqualsClause } from '../forbiddens/ForbiddenClause';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import type { ConfigurationSpace } from '../space/ConfigurationSpace';
import type { PcsFormat } from './detectPcsFormat';
import { pcsError, type PcsPlace } from './pcsError';
import { isPcsName, PCS_NAME_ALLOWED } from './pcsSyntax';

export interface WritePcsOptions {
  /** The dialect to write (default `new`, which can say more: ordinals, != < >, ||). */
  readonly format?: PcsFormat;
  /** Name of the file being written, for error messages. */
  readonly file?: string;
}

/** Spec fields each type may carry; any other (a prior, say) has no PCS spelling and is refused, not dropped. */
const FIELDS: Record<string, readonly string[]> = {
  categorical: ['type', 'name', 'choices', 'default', 'weights', 'role'],
  ordinal: ['type', 'name', 'sequence', 'default', 'role'],
  constant: ['type', 'name', 'value', 'default', 'role'],
  integer: ['type', 'name', 'lower', 'upper', 'log', 'default', 'role'],
  float: ['type', 'name', 'lower', 'upper', 'log', 'q', 'default', 'role'],
};

/** Expanding IN clauses multiplies lines; past this a file is not what anyone wants. */
const MAX_FORBIDDEN_LINES = 100_000;

const KEEP = 'write ConfigSpace JSON to keep it';

/**
 * The PCS text of `space` (ConfigSpace's `pcs.write` / `pcs_new.write` layout: parameters, then a
 * blank line and the conditions, then a blank line and the forbidden clauses). What PCS cannot say
 * is refused with a `SpaceError` 'invalid-pcs' naming the parameter, never silently dropped:
 * categorical weights, q, priors, relation clauses, and in the classic format ordinals and any
 * condition other than EQ / IN and their AND. Values are written as text: read back, categorical
 * choices and ordinal entries are strings, as ConfigSpace reads them. `meta` and `role` are not written.
 */
export function writePcs(space: ConfigurationSpace, options: WritePcsOptions = {}): string {
  const format = options.format ?? 'new';
  if (format !== 'classic' && format !== 'new') {
    throw pcsError({ file: options.file ?? '(pcs)' }, '(format)', `unknown PCS format ${JSON.stringify(format)}`, 'classic, new');
  }
  const place: PcsPlace = { file: options.file ?? `${format}-format PCS` };
  const text = (item: string, value: ParamValue): string => {
    const t = String(value);
    if (!isPcsName(t)) throw pcsError(place, item, `value ${JSON.stringify(t)} cannot be written in PCS`, PCS_NAME_ALLOWED);
    return t;
  };
  const list = (hp: Hyperparameter, values: readonly ParamValue[]): string => {
    const texts = values.map((v) => text(hp.name, v));
    if (new Set(texts).size !== texts.length) {
      throw pcsError(place, hp.name, `values ${texts.join(', ')} are not distinct once written as text`, 'values whose texts differ');
    }
    return texts.join(', ');
  };

  const parameterLines = space.hyperparameters.map((hp) => {
    if (!isPcsName(hp.name)) throw pcsError(place, hp.name, 'this name cannot be written in PCS', PCS_NAME_ALLOWED);
    const spec = hp.spec as unknown as Record<string, unknown>;
    const extra = Object.keys(spec).filter((k) => spec[k] !== undefined && !(FIELDS[hp.type] ?? []).includes(k));
    if (extra.length > 0) throw pcsError(place, hp.name, `PCS has no way to write ${extra.join(', ')} (${KEEP})`, 'uniform parameters');
    const s = hp.spec;
    switch (s.type) {
      case 'categorical':
        if (s.weights !== undefined) throw pcsError(place, hp.name, `PCS has no categorical weights (${KEEP})`, 'unweighted categoricals');
        return format === 'new'
          ? `${hp.name} categorical {${list(hp, s.choices)}} [${text(hp.name, s.default)}]`
          : `${hp.name} {${list(hp, s.choices)}} [${text(hp.name, s.default)}]`;
      case 'constant':
        // As ConfigSpace writes a constant: a categorical with one choice (read back as such).
        return format === 'new'
          ? `${hp.name} categorical {${text(hp.name, s.value)}} [${text(hp.name, s.value)}]`
          : `${hp.name} {${text(hp.name, s.value)}} [${text(hp.name, s.value)}]`;
      case 'ordinal':
        if (format === 'classic')
          throw pcsError(place, hp.name, 'the classic format has no ordinals', 'categorical, integer and real parameters (write the new format for ordinals)');
        return `${hp.name} ordinal {${list(hp, s.sequence)}} [${text(hp.name, s.default)}]`;
      case 'integer':
      case 'float': {
        if (s.type === 'float' && s.q !== undefined) throw pcsError(place, hp.name, `PCS has no quantisation step q (${KEEP})`, 'floats without q');
        const range = `[${String(s.lower)}, ${String(s.upper)}] [${String(s.default)}]`;
        if (format === 'new') return `${hp.name} ${s.type === 'integer' ? 'integer' : 'real'} ${range}${s.log ? 'log' : ''}`;
        return `${hp.name} ${range}${s.type === 'integer' ? 'i' : ''}${s.log ? 'l' : ''}`;
      }
      default:
        throw pcsError(place, hp.name, `PCS has no type ${JSON.stringify((s as { type: string }).type)}`, 'categorical, ordinal, constant, integer, float');
    }
  });

  const conditionLines = space.conditions.flatMap((c) => (format === 'new' ? newConditionLines(c) : classicConditionLines(c)));

  function refuse(c: Condition, why: string, allowed: string): never {
    throw pcsError(place, c.child, `condition ${describeCondition(c)} cannot be written: ${why}`, allowed);
  }

  function atom(c: Condition): string | undefined {
    switch (c.type) {
      case 'IN':
        return `${c.parent} in {${c.values.map((v) => text(c.child, v)).join(', ')}}`;
      case 'EQ':
      case 'NEQ':
      case 'LT':
      case 'GT':
        return `${c.parent} ${{ EQ: '==', NEQ: '!=', LT: '<', GT: '>' }[c.type]} ${text(c.child, c.value)}`;
      default:
        return undefined;
    }
  }

  function flatten(c: Condition, type: 'AND' | 'OR'): Condition[] {
    return c.type === type ? c.conditions.flatMap((p) => flatten(p, type)) : [c];
  }

  function andOfAtoms(c: Condition): string | undefined {
    const parts = flatten(c, 'AND').map(atom);
    return parts.every((p) => p !== undefined) ? parts.join(' && ') : undefined;
  }

  function newConditionLines(c: Condition): string[] {
    const line = (body: string) => `${c.child} | ${body}`;
    if (c.type !== 'AND') {
      const parts = flatten(c, 'OR').map(andOfAtoms);
      if (parts.some((p) => p === undefined)) refuse(c, 'PCS has no parentheses', 'conditions, their AND, their OR, and OR of ANDs');
      return [line(parts.join(' || '))];
    }
    const single = andOfAtoms(c);
    if (single !== undefined) return [line(single)];
    // An AND with OR parts: one line each, since the lines of one child are joined by AND on reading.
    return flatten(c, 'AND').flatMap(newConditionLines);
  }

  function classicConditionLines(c: Condition): string[] {
    return flatten(c, 'AND').map((part) => {
      if (part.type === 'EQ') return `${c.child} | ${part.parent} in {${text(c.child, part.value)}}`;
      if (part.type === 'IN') return `${c.child} | ${part.parent} in {${part.values.map((v) => text(c.child, v)).join(', ')}}`;
      return refuse(c, `the classic format has no ${part.type}`, 'EQ and IN conditions and their AND (write the new format for the others)');
    });
  }

  const forbiddenLines: string[] = [];
  for (const clause of space.forbiddens) {
    const parts = flattenForbidden(clause);
    const choices: ForbiddenEqualsClause[][] = parts.map((p) => {
      if (p.type === 'EQUALS') return [p];
      if (p.type === 'IN') return p.values.map((value) => ({ type: 'EQUALS', name: p.name, value }));
      throw pcsError(
        place,
        p.type === 'RELATION' ? p.left : '(forbidden)',
        `forbidden clause ${describeForbidden(clause)} cannot be written: PCS has no relation clauses (${KEEP})`,
        'EQUALS and IN clauses and their AND',
      );
    });
    const count = choices.reduce((n, c) => n * c.length, 1);
    if (forbiddenLines.length + count > MAX_FORBIDDEN_LINES) {
      throw pcsError(
        place,
        choices[0]?.[0]?.name ?? '(forbidden)',
        `expanding the IN clauses of ${describeForbidden(clause)} gives ${count} lines`,
        `at most ${MAX_FORBIDDEN_LINES} forbidden lines`,
      );
    }
    // As ConfigSpace does, an IN becomes one line per value (per combination of values).
    const combine = (k: number, acc: ForbiddenEqualsClause[]): void => {
      if (k === choices.length) {
        forbiddenLines.push(`{${acc.map((e) => `${e.name}=${text(e.name, e.value)}`).join(', ')}}`);
        return;
      }
      for (const e of choices[k] as ForbiddenEqualsClause[]) combine(k + 1, [...acc, e]);
    };
    combine(0, []);
  }

  const sections = [parameterLines, conditionLines, forbiddenLines].filter((s, i) => i === 0 || s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

function flattenForbidden(clause: ForbiddenClause): ForbiddenClause[] {
  return clause.type === 'AND' ? clause.clauses.flatMap(flattenForbidden) : [clause];
}
