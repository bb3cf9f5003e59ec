import type { ForbiddenClause, ForbiddenRelationClause, ForbiddenType } from '../forbiddens/ForbiddenClause';
import { forbiddenParameters } from '../forbiddens/forbiddenParameters';
import type { ForbiddenReader, ForbiddenWriter, JsonObject } from './ConfigSpaceJsonCodec';
import { jsonError, readArray, readString, readValue, readValues } from './jsonFields';

type Relation = ForbiddenRelationClause['relation'];
/** The lambdas of `RELATION` items: ConfigSpace < 1.0 wrote LESS / EQUALS / GREATER, the 1.x legacy reader also knows LT / EQ / GT. */
const LAMBDAS: Readonly<Record<string, Relation>> = { LESS: 'LESS', EQUALS: 'EQUALS', GREATER: 'GREATER', LT: 'LESS', EQ: 'EQUALS', GT: 'GREATER' };
/** ConfigSpace 1.x writes one type per relation. */
const TYPED_RELATIONS: Readonly<Record<Relation, string>> = { LESS: 'RELATION_LT', EQUALS: 'RELATION_EQ', GREATER: 'RELATION_GT' };

function typedRelationReader(relation: Relation): ForbiddenReader {
  return (item) => Object.freeze({ type: 'RELATION', relation, left: readString(item, 'left'), right: readString(item, 'right') });
}

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
      const lambda = item.data['lambda'];
      const relation = typeof lambda === 'string' && Object.hasOwn(LAMBDAS, lambda) ? LAMBDAS[lambda] : undefined;
      if (relation === undefined) {
        throw jsonError(item, `relation lambda ${JSON.stringify(lambda)} is not supported`, Object.keys(LAMBDAS).join(', '));
      }
      return Object.freeze({ type: 'RELATION', relation, left: readString(item, 'left'), right: readString(item, 'right') });
    },
  ],
  ['RELATION_LT', typedRelationReader('LESS')],
  ['RELATION_EQ', typedRelationReader('EQUALS')],
  ['RELATION_GT', typedRelationReader('GREATER')],
]);

/** A writer of the clauses of type `T`: {@link FORBIDDEN_WRITERS} hands each writer only clauses of its key's type. */
type ClauseWriter<T extends ForbiddenType> = (
  clause: Extract<ForbiddenClause, { readonly type: T }>,
  ...rest: Parameters<ForbiddenWriter> extends [unknown, ...infer Rest] ? Rest : never
) => JsonObject;

const WRITERS: { readonly [T in ForbiddenType]: ClauseWriter<T> } = {
  EQUALS: (f) => ({ name: f.name, type: 'EQUALS', value: f.value }),
  IN: (f) => ({ name: f.name, type: 'IN', values: [...f.values] }),
  AND: (f, nested, format): JsonObject => {
    const clauses = f.clauses.map((part: ForbiddenClause): JsonObject => nested(part));
    // Before 1.0 an AND carried the name of its first parameter; 1.x writes only the clauses.
    return format === '1' ? { type: 'AND', clauses } : { name: forbiddenParameters(f)[0] ?? '', type: 'AND', clauses };
  },
  RELATION: (f, _nested, format): JsonObject => {
    if (format === '1') return { type: TYPED_RELATIONS[f.relation], left: f.left, right: f.right };
    return { left: f.left, right: f.right, type: 'RELATION', lambda: f.relation };
  },
};

/** Default forbidden-clause writers, keyed by `ForbiddenClause['type']`. */
export const FORBIDDEN_WRITERS: ReadonlyMap<ForbiddenType, ForbiddenWriter> = new Map(Object.entries(WRITERS) as [ForbiddenType, ForbiddenWriter][]);
