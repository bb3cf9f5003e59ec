import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { packageDataPath } from '../internal/packageDataPath';
import { loadNb201Table } from '../nb201/Nb201Table';
import { dataFilesAt } from './dataFilesAt';

const dir = mkdtempSync(join(tmpdir(), 'jahskit-data-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'a.txt'), 'hello');

async function failure(promise: Promise<unknown>): Promise<BenchmarkError> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!BenchmarkError.is(caught)) throw new Error(`expected a BenchmarkError, got ${String(caught)}`);
  return caught;
}

describe('dataFilesAt', () => {
  test('a folder path and its file: URL read the same bytes from disk', async () => {
    for (const base of [dir, pathToFileURL(dir), pathToFileURL(dir).href]) {
      const files = dataFilesAt(base);
      expect(files.location).toBe(dir);
      expect(new TextDecoder().decode(await files.read('a.txt'))).toBe('hello');
    }
  });

  test('an http URL is fetched relative to the folder, with or without its closing slash', async () => {
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return {
        ok: url.endsWith('/a.txt'),
        status: url.endsWith('/a.txt') ? 200 : 404,
        statusText: 'Not Found',
        arrayBuffer: async () => new TextEncoder().encode('hi').buffer as ArrayBuffer,
      };
    };
    const files = dataFilesAt('https://example.org/data/nb201', { fetch });
    expect(files.location).toBe('https://example.org/data/nb201/');
    expect(new TextDecoder().decode(await files.read('a.txt'))).toBe('hi');
    const missing = await failure(files.read('b.txt'));
    expect(missing.kind).toBe('missing-data');
    expect(missing.message).toBe('cannot fetch https://example.org/data/nb201/b.txt: HTTP 404 Not Found');
    expect(asked).toEqual(['https://example.org/data/nb201/a.txt', 'https://example.org/data/nb201/b.txt']);
  });

  test('a fetch that throws (no network) is missing-data naming the URL', async () => {
    const files = dataFilesAt('https://example.org/data/', { fetch: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND example.org')) });
    expect((await failure(files.read('x.bin'))).message).toBe('cannot fetch https://example.org/data/x.bin: getaddrinfo ENOTFOUND example.org');
  });

  test('a missing file on disk is missing-data naming the path', async () => {
    const error = await failure(dataFilesAt(dir).read('absent.bin'));
    expect(error.kind).toBe('missing-data');
    expect(error.message).toBe(`cannot read ${join(dir, 'absent.bin')}: ENOENT`);
  });

  test.each(['../secret', 'a/../../b', '/etc/passwd', 'C:\\x', 'https://evil.example/x', ''])('the name %j must stay inside the folder', async (name) => {
    for (const files of [dataFilesAt(dir), dataFilesAt('https://example.org/data/', { fetch: async () => Promise.reject(new Error('not reached')) })]) {
      const error = await failure(files.read(name));
      expect(error.kind).toBe('invalid-definition');
      expect(error.parameter).toBe('name');
    }
  });

  test('outside Node (no process.getBuiltinModule) reading a folder says to pass the files instead', async () => {
    const original = process.getBuiltinModule;
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    try {
      const error = await failure(dataFilesAt('/some/folder').read('a.bin'));
      expect(error.kind).toBe('missing-data');
      expect(error.message).toMatch(/needs Node\.js 20\.16 or later; elsewhere \(a browser\) pass the data files instead, e\.g\. dataFilesAt\(url\)/);
    } finally {
      process.getBuiltinModule = original;
    }
  });
});

describe('loadNb201Table from given files', () => {
  const copy = mkdtempSync(join(tmpdir(), 'jahskit-nb201-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  test('a copy of the folder gives the bundled table', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['nb201.bin', 'nb201.json']) writeFileSync(join(copy, name), readFileSync(packageDataPath('nb201', name)));
    const [fromCopy, bundled] = await Promise.all([loadNb201Table(dataFilesAt(copy)), loadNb201Table()]);
    expect(fromCopy.archIndex).toEqual(bundled.archIndex);
    expect([...fromCopy.columns.keys()]).toEqual([...bundled.columns.keys()]);
    expect(fromCopy.columns.get('cifar10.valid200')).toEqual(bundled.columns.get('cifar10.valid200'));
  });

  test('a changed byte is corrupt-data naming the file and the expected checksum', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(packageDataPath('nb201', 'nb201.bin'));
    bytes[1000] = bytes[1000]! ^ 1;
    writeFileSync(join(copy, 'nb201.bin'), bytes);
    const error = await failure(loadNb201Table(dataFilesAt(copy)));
    expect(error.kind).toBe('corrupt-data');
    expect(error.message).toMatch(new RegExp(`^${join(copy, 'nb201.bin').replaceAll('/', '\\/')} has SHA-256 [0-9a-f]{64}, expected 6cae81e6`));
  });

  test('a missing file is missing-data', async () => {
    expect((await failure(loadNb201Table(dataFilesAt(join(copy, 'nowhere'))))).kind).toBe('missing-data');
  });
});
