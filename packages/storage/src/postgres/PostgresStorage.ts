import { CoreError, type JournalEntry, type StorageDecision, type StudyStorage } from '@jahskit/core';

/** Placeholder until the PostgreSQL backend lands. */
export class PostgresStorage implements StudyStorage {
  readonly location: string;
  constructor(url: string) {
    this.location = url.replace(/:[^:@/]*@/, ':***@');
  }
  read(_study: string, _after: number): Promise<readonly JournalEntry[]> {
    return Promise.reject(new CoreError('storage', 'not implemented', { parameter: 'storage' }));
  }
  transact<T>(_study: string, _after: number, _decide: (entries: readonly JournalEntry[]) => StorageDecision<T>): Promise<T> {
    return Promise.reject(new CoreError('storage', 'not implemented', { parameter: 'storage' }));
  }
  studies(): Promise<readonly string[]> {
    return Promise.reject(new CoreError('storage', 'not implemented', { parameter: 'storage' }));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
