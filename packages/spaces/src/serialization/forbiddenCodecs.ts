import type { ForbiddenAndClause, ForbiddenClause, ForbiddenEqualsClause, ForbiddenInClause, ForbiddenRelationClause, ForbiddenType } from '../forbiddens/ForbiddenClause';
import { forbiddenParameters } from '../forbiddens/forbiddenParameters';
import type { ForbiddenReader, ForbiddenWriter } from './ConfigSpaceJsonCodec';
import { jsonError, readArray, readString, readValue, readValues } from './jsonFields';

const RELATIONS = ['LESS', 'EQUALS', 'GREATER'] as const;

/** Default forbidden-clause readers, keyed by ConfigSpace JSON `type`. */
export const FORBIDDEN_READERS: ReadonlyMap<string, ForbiddenReader> = new Map<string, ForbiddenReader>([
  ['EQUALS', (item) => Object.freeze({ type: 'EQUALS', name: readString(item, 'name'), value: readValue(item, 'value') })],
  ['IN', (item) => Object.freeze({ type: 'IN', name: readString(item, 'name'), values: Object.freeze(readValues(item, 'values')) })],
  [
    'AND',
    (item, nested) => {
      const clauses = readArray(item, 'clauses').map((c, i) => nested(c, `${item.path}.clauses[${i}]`));
      if (clauses.length === 0) throw jsonError(item, 'AND needs at least one clause');
      return Object.freeze({ type: 'AND', clauses: Object.freeze(clauses) });
    },
  ],
  [
    'RELATION',
    (item) => {
      const relation = item.data['lambda'];
      if (!RELATIONS.includes(relation as (typeof RELATIONS)[number])) {
        throw jsonError(item, `relation lambda ${JSON.stringify(relation)} is not supported`, RELATIONS.join(', '));
      }
      return Object.freeze({
        type: 'RELATION',
        relation: relation as (typeof RELATIONS)[number],
        left: readString(item, 'left'),
        right: readString(item, 'right'),
      });
    },
  ],
]);

/** Default forbidden-clause writers, keyed by `ForbiddenClause['type']`. */
export const FORBIDDEN_WRITERS: ReadonlyMap<ForbiddenType, ForbiddenWriter> = new Map<ForbiddenType, ForbiddenWriter>([
  [
    'EQUALS',
    (c) => {
      const f = c as ForbiddenEqualsClause;
      return { name: f.name, type: 'EQUALS', value: f.value };
    },
  ],
  [
    'IN',
    (c) => {
      const f = c as ForbiddenInClause;
      return { name: f.name, type: 'IN', values: [...f.values] };
    },
  ],
  [
    'AND',
    (c, nested) => {
      const f = c as ForbiddenAndClause;
      return { name: forbiddenParameters(f)[0] ?? '', type: 'AND', clauses: f.clauses.map((part: ForbiddenClause) => nested(part)) };
    },
  ],
  [
    'RELATION',
    (c) => {
      const f = c as ForbiddenRelationClause;
      return { left: f.left, right: f.right, type: 'RELATION', lambda: f.relation };
    },
  ],
]);
