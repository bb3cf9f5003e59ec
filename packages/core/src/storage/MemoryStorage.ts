import type { JournalEntry } from './JournalEntry';
import type { StorageDecision, StudyStorage } from './StudyStorage';

/**
 * Journals held in this process (`memory:`): today's behaviour, for apps and tests. Entries are
 * copied through JSON on the way in, as a real backend would, so a caller cannot change history by
 * mutating an object it passed.
 */
export class MemoryStorage implements StudyStorage {
  readonly location = 'memory:';
  private readonly journals = new Map<string, JournalEntry[]>();
  private queue: Promise<unknown> = Promise.resolve();

  read(study: string, after: number): Promise<readonly JournalEntry[]> {
    return Promise.resolve((this.journals.get(study) ?? []).slice(after + 1));
  }

  transact<T>(study: string, after: number, decide: (entries: readonly JournalEntry[]) => StorageDecision<T>): Promise<T> {
    // Transactions run one after another, as they would under a backend's lock.
    const run = this.queue.then(() => {
      let journal = this.journals.get(study);
      const { append, result } = decide(journal?.slice(after + 1) ?? []);
      if (append.length > 0) {
        if (journal === undefined) this.journals.set(study, (journal = []));
        for (const op of append) journal.push(JSON.parse(JSON.stringify({ ...op, seq: journal.length })) as JournalEntry);
      }
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  studies(): Promise<readonly string[]> {
    return Promise.resolve([...this.journals.keys()].sort());
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
