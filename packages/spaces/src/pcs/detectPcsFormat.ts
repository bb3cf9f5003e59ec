import { pcsLines, type PcsLine } from './pcsLines';
import { PCS_NAME } from './pcsSyntax';

/**
 * The two PCS dialects: `classic` (ACLib 1 / SMAC 2's first format, ConfigSpace `pcs`:
 * `lr [0.001, 1] [0.01]l`, `x {a, b} [a]`, conditions `child | parent in {..}` only) and `new`
 * (ACLib 2 / SMAC 2.10+, ConfigSpace `pcs_new`: `lr real [0.001, 1] [0.01] log`, ordinals,
 * conditions with `== != < > in` joined by `&&` and `||`).
 */
export type PcsFormat = 'classic' | 'new';

/** A parameter line with a type word between the name and its bracket is new-format. */
const TYPED = new RegExp(`^${PCS_NAME}\\s+[A-Za-z_]+\\s*[[{]`);
/** The one condition shape of the classic format. */
const CLASSIC_CONDITION = new RegExp(`^${PCS_NAME}\\s+in\\s*\\{[^}]*\\}$`);

/** Whether `lines` (or a file's text) are in the new format: a typed parameter line or a condition only it can say. */
export function detectPcsFormat(input: string | readonly PcsLine[]): PcsFormat {
  const lines = typeof input === 'string' ? pcsLines(input) : input;
  for (const { kind, text } of lines) {
    if (kind === 'parameter' && TYPED.test(text)) return 'new';
    if (kind === 'condition' && !CLASSIC_CONDITION.test(text.slice(text.indexOf('|') + 1).trim())) return 'new';
  }
  return 'classic';
}
