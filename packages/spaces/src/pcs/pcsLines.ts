/** One meaningful line of a PCS file, cleaned of its comment and quotes. */
export interface PcsLine {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly text: string;
  readonly kind: 'parameter' | 'condition' | 'forbidden';
}

/** Section headers that ACLib-era files put before their conditions (`Conditionals:`) or clauses. */
const HEADER = /^[A-Za-z][A-Za-z ]*:$/;

/**
 * Splits a PCS file into its parameter, condition and forbidden lines, in order. As in
 * ConfigSpace, everything from `#` on is a comment and quotes are dropped; a line with `|` is a
 * condition, one in braces a forbidden clause; blank lines and section headers are skipped.
 */
export function pcsLines(text: string): PcsLine[] {
  const out: PcsLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const hash = raw.indexOf('#');
    const t = (hash < 0 ? raw : raw.slice(0, hash)).replace(/["']/g, '').trim();
    if (t === '' || HEADER.test(t)) return;
    const kind = t.includes('|') ? 'condition' : t.startsWith('{') ? 'forbidden' : 'parameter';
    out.push({ line: i + 1, text: t, kind });
  });
  return out;
}
