import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { CoreError } from '../errors/CoreError';
import { fuzzTest } from '../testing/fuzzTest';
import { applyByteEdits, applyJsonEdits, byteEdit, jsonEdit } from '../testing/inputMutations';
import { CHAIN_START } from './chainDigest';
import type { JournalEntry } from './JournalEntry';
import { decodeJournalLine, encodeJournalLine } from './journalLine';
import { STUDY_SPEC } from './journalFixtures';

/** One entry of each operation, as StoredStudy writes them. */
const ENTRIES = [
  { seq: 0, op: 'create', spec: STUDY_SPEC },
  { seq: 1, op: 'ask', worker: 'w', at: 1, n: 1, trials: [{ id: 0, config: { x: 0.5 }, fidelity: {} }] },
  { seq: 2, op: 'tell', worker: 'w', at: 2, result: { trialId: 0, status: 'ok', objectives: { loss: 1 }, metrics: {}, cost: 0 } },
  { seq: 3, op: 'heartbeat', worker: 'w', at: 3 },
  { seq: 4, op: 'expire', worker: 'w', at: 4, trials: [0] },
] as unknown as readonly JournalEntry[];
const entry = fc.constantFrom(...ENTRIES);
const previous = fc.oneof(fc.constant(CHAIN_START), fc.stringMatching(/^[0-9a-f]{16}$/));

describe('journal lines', () => {
  fuzzTest(
    'every byte edit of a sealed line is detected as journal-corrupt',
    [entry, previous, fc.array(byteEdit, { minLength: 1, maxLength: 3 })],
    500,
    (e, prev, edits) => {
      const { line } = encodeJournalLine(prev, 's', e);
      const edited = applyByteEdits(Buffer.from(line), edits).toString('utf8');
      if (edited === line) return;
      let error: unknown;
      try {
        decodeJournalLine(prev, edited, 'line 1');
      } catch (caught) {
        error = caught;
      }
      expect(CoreError.is(error) && error.kind === 'journal-corrupt', `${edited}\n${String(error)}`).toBe(true);
    },
  );

  fuzzTest(
    'an edited entry sealed again decodes to a well-formed entry or is refused, typed',
    [entry, fc.array(jsonEdit, { minLength: 1, maxLength: 3 })],
    500,
    (e, edits) => {
      const changed = applyJsonEdits(e as unknown as Record<string, unknown>, edits) as unknown as JournalEntry;
      let line: string;
      try {
        line = encodeJournalLine(CHAIN_START, 's', changed).line;
      } catch {
        return; // Not an object any more: nothing a writer could seal.
      }
      try {
        const decoded = decodeJournalLine(CHAIN_START, line, 'line 1');
        expect(decoded.entry.seq).toBeTypeOf('number');
      } catch (error) {
        expect(CoreError.is(error), String(error)).toBe(true);
        expect(['journal-corrupt', 'journal-version']).toContain((error as CoreError).kind);
        expect((error as CoreError).message.startsWith('line 1: ')).toBe(true);
      }
    },
  );
});
