import { CoreError } from '../errors/CoreError';
import { CHAIN_START, chainDigest } from './chainDigest';

/** The field a sealed line ends with; its value is the chain's digest up to and including the line. */
const FIELD = '"digest":"';
const DIGEST_LENGTH = 16;
const SEAL_LENGTH = FIELD.length + DIGEST_LENGTH + 2; // the field, the digest, `"}`
const HEX = /^[0-9a-f]+$/;

/**
 * A hash chain over JSON-object lines (run files, study journals): each line carries, as its last
 * field, a digest of the previous line's digest and its own content (see `chainDigest`). A line edited
 * by hand — still valid JSON, a plausible value — then no longer matches, and neither do lines removed
 * or reordered before others, so a tampered result cannot reach a resumed run, a replayed study or a
 * leaderboard unnoticed. The digest depends only on the contents, so two runs with the same seed still
 * write identical bytes. A guard against edits, not against forgery.
 */
export class LineChain {
  /** The digest of the last line sealed or opened: what the next line chains from. */
  get digest(): string {
    return this.last;
  }

  /** `previous`: the digest of the line before the first one this chain sees (a database row's). */
  constructor(private last: string = CHAIN_START) {}

  /** The line to write for `content` (a JSON object's text), carrying its digest; advances the chain. */
  seal(content: string): string {
    if (!content.startsWith('{') || !content.endsWith('}'))
      throw new CoreError('invalid-argument', `LineChain: a sealed line must be a JSON object, got ${content.slice(0, 40)}`, { parameter: 'content' });
    this.last = this.next(content);
    return `${content.slice(0, -1)}${content.length > 2 ? ',' : ''}${FIELD}${this.last}"}`;
  }

  /**
   * The content of a written line and advances the chain; 'unsealed' when the line carries no digest,
   * 'mismatch' when its digest is not that of its content after the previous lines.
   */
  open(line: string): string | 'unsealed' | 'mismatch' {
    const at = line.length - SEAL_LENGTH;
    const digest = line.slice(at + FIELD.length, -2);
    if (at < 1 || !line.startsWith(FIELD, at) || !line.endsWith('"}') || !HEX.test(digest)) return 'unsealed';
    const before = line[at - 1];
    const content = before === ',' ? `${line.slice(0, at - 1)}}` : before === '{' && at === 1 ? '{}' : undefined;
    if (content === undefined) return 'unsealed';
    const expected = this.next(content);
    if (digest !== expected) return 'mismatch';
    this.last = expected;
    return content;
  }

  private next(content: string): string {
    return chainDigest(this.last, content);
  }
}
