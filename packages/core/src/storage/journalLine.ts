import { CoreError } from '../errors/CoreError';
import { describeValue } from '../errors/describeValue';
import { LineChain } from './LineChain';
import { JOURNAL_SCHEMA, type JournalEntry } from './JournalEntry';
import { journalEntryProblem } from './journalEntryProblem';

const OPS = new Set(['create', 'ask', 'tell', 'heartbeat', 'expire']);

/**
 * One journal entry as a line of text, for the file and database backends:
 * `{"seq":0,"study":"s","op":"create",...,"digest":"<digest>"}`, sealed by a `LineChain` that continues
 * from the line before. Keys keep the order they were written in, so equal entries give equal
 * lines.
 */
export function encodeJournalLine(previous: string, study: string, entry: JournalEntry): { readonly line: string; readonly digest: string } {
  const { seq, ...op } = entry;
  const chain = new LineChain(previous);
  const line = chain.seal(JSON.stringify({ seq, study, ...op }));
  return { line, digest: chain.digest };
}

/**
 * Parses and verifies one line written by `encodeJournalLine`. `where` names the line in errors
 * ("study.jsonl: line 7"). A line that was edited, or does not follow the line before it, is a
 * CoreError of kind 'journal-corrupt'; a journal written by a newer jahskit is 'journal-version'.
 */
export function decodeJournalLine(
  previous: string,
  line: string,
  where: string,
): { readonly study: string; readonly entry: JournalEntry; readonly digest: string } {
  const corrupt = (why: string): CoreError =>
    new CoreError('journal-corrupt', `${where}: ${why}; the journal was changed after it was written`, { parameter: 'storage' });
  const chain = new LineChain(previous);
  const body = chain.open(line);
  if (body === 'unsealed') throw corrupt('no checksum');
  if (body === 'mismatch') throw corrupt('checksum mismatch');
  let parsed: { seq?: unknown; study?: unknown; op?: unknown; spec?: { schema?: unknown } };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    throw corrupt('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.study !== 'string' || !Number.isInteger(parsed.seq) || !OPS.has(parsed.op as string)) {
    throw corrupt(`not a journal entry (${describeValue(parsed, 80)})`);
  }
  if (parsed.op === 'create' && parsed.spec?.schema !== JOURNAL_SCHEMA) {
    throw new CoreError(
      'journal-version',
      `${where}: journal schema ${describeValue(parsed.spec?.schema)}; this jahskit reads schema ${JOURNAL_SCHEMA} (upgrade jahskit to read it)`,
      {
        parameter: 'storage',
        allowed: String(JOURNAL_SCHEMA),
      },
    );
  }
  // A sealed line may still not be ours (another tool, a bug): replay must not be the place that finds out.
  const problem = journalEntryProblem(parsed as Record<string, unknown>);
  if (problem !== undefined) throw corrupt(`not a journal entry: ${problem}`);
  const { study, ...entry } = parsed;
  return { study, entry: entry as unknown as JournalEntry, digest: chain.digest };
}
