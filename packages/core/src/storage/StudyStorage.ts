import type { JournalEntry, JournalOp } from './JournalEntry';

/** What `decide` returns: operations to append (possibly none) and a value for the caller. */
export interface StorageDecision<T> {
  readonly append: readonly JournalOp[];
  readonly result: T;
}

/**
 * Where studies live: one append-only journal of operations per study name. This is the whole
 * contract a backend implements (memory, file, PostgreSQL); everything a study means is derived by
 * replaying its journal (see `StoredStudy`).
 *
 * `transact` is the only write path. It holds the study's exclusive lock, hands `decide` every entry
 * after `after` (so the caller catches up with other processes), and appends what `decide` returns,
 * all or nothing. `decide` is synchronous so that a lock is never held across unrelated work; when it
 * throws, nothing is appended and the error reaches the caller.
 */
export interface StudyStorage {
  /** A display form of where this storage is (its URL, without a password). */
  readonly location: string;
  /** Entries of `study` with `seq > after`, in order; none for an unknown study. */
  read(study: string, after: number): Promise<readonly JournalEntry[]>;
  transact<T>(study: string, after: number, decide: (entries: readonly JournalEntry[]) => StorageDecision<T>): Promise<T>;
  /** Names of the studies, sorted. */
  studies(): Promise<readonly string[]>;
  close(): Promise<void>;
}
