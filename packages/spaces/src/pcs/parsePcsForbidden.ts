import type { ForbiddenClause, ForbiddenEqualsClause } from '../forbiddens/ForbiddenClause';
import { formatList } from '../errors/formatValue';
import { pcsValue, type PcsParameters } from './parsePcsCondition';
import { pcsError, type PcsPlace } from './pcsError';
import type { PcsLine } from './pcsLines';
import { PCS_NAME } from './pcsSyntax';

const CLAUSE = /^\{(.*)\}$/;
const ASSIGNMENT = new RegExp(`^(${PCS_NAME})\\s*=\\s*(.*)$`);
const SHAPE = '{name=value, name=value, ...}';

/**
 * The forbidden clause on one PCS line: `{a=1, b=x}` forbids a == 1 and b == x together. One
 * assignment gives an EQUALS clause, several an AND of them. Values are read as the parameter's
 * values are (numbers for integer and real parameters).
 */
export function parsePcsForbidden(line: PcsLine, file: string, parameters: PcsParameters): ForbiddenClause {
  const place: PcsPlace = { file, line: line.line };
  const item = `(line ${line.line})`;
  const body = CLAUSE.exec(line.text);
  if (body === null) throw pcsError(place, item, `cannot read forbidden clause ${JSON.stringify(line.text)}`, SHAPE);
  const clauses: ForbiddenEqualsClause[] = (body[1] as string).split(',').map((part) => {
    const m = ASSIGNMENT.exec(part.trim());
    if (m === null) throw pcsError(place, item, `cannot read ${JSON.stringify(part.trim())} in forbidden clause ${JSON.stringify(line.text)}`, SHAPE);
    const [, name, token] = m as unknown as [string, string, string];
    const hp = parameters.get(name);
    if (hp === undefined) {
      throw pcsError(
        place,
        name,
        'a forbidden clause refers to this unknown parameter',
        `parameters defined in the file: ${formatList([...parameters.keys()])}`,
      );
    }
    return { type: 'EQUALS', name, value: pcsValue(place, name, hp, token.trim()) };
  });
  return clauses.length === 1 ? (clauses[0] as ForbiddenEqualsClause) : { type: 'AND', clauses };
}
