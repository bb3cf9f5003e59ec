import { CoreError, MemoryStorage } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { FileJournalStorage } from './file/FileJournalStorage';
import { openStorage } from './openStorage';

describe('openStorage', () => {
  test('memory: and file: URLs, relative to cwd or absolute', () => {
    expect(openStorage('memory:')).toBeInstanceOf(MemoryStorage);
    expect((openStorage('file:runs/s.jsonl', { cwd: '/w' }) as FileJournalStorage).path).toBe('/w/runs/s.jsonl');
    expect((openStorage('file:///abs/s.jsonl') as FileJournalStorage).path).toBe('/abs/s.jsonl');
  });

  // Found by packages/cli/src/fuzz/flags.fuzz.test.ts: Node's TypeError (ERR_INVALID_FILE_URL_HOST) escaped.
  test.each(['file://host/x', 'file:///a%2Fb'])('%s, a file URL Node maps to no path, is an invalid-argument error naming storage', (url) => {
    let error: unknown;
    try {
      openStorage(url);
    } catch (e) {
      error = e;
    }
    expect(CoreError.is(error) && error.kind === 'invalid-argument' && error.parameter === 'storage', String(error)).toBe(true);
    expect((error as Error).message).toContain(url);
  });

  test.each(['', 'file:', 'sqlite:x'])('%j is refused with the URLs it takes', (url) => {
    expect(() => openStorage(url)).toThrow(CoreError);
    expect(() => openStorage(url)).toThrow(/file:/);
  });
});
