import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { NASHPOBENCH2_FIXTURE_DIR } from './nashpobench2Fixtures';
import { readNashpobench2Pickles } from './readNashpobench2Pickles';

function fixtureCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'jahskit-nashpobench2-pickles-')), 'data');
  for (const name of ['bench12.pkl', 'cellinfo.pkl', 'avgaccs200.pkl']) cpSync(join(NASHPOBENCH2_FIXTURE_DIR, name), join(dir, name));
  return dir;
}

test.each(['bench12.pkl', 'cellinfo.pkl', 'avgaccs200.pkl'])('a truncated %s is a corrupt-data error naming it', async (name) => {
  const dir = fixtureCopy();
  const path = join(dir, name);
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
  const error = await readNashpobench2Pickles(dir).catch((e: unknown) => e);
  expect(BenchmarkError.is(error) && error.kind).toBe('corrupt-data');
  expect((error as BenchmarkError).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: unexpected end of file \\(at byte \\d+\\)`));
});

test('a cellinfo hash that is not a string or a number is refused without printing it', async () => {
  const dir = fixtureCopy();
  // {'hash': {'0|00|000': [None] * 1000}}, protocol 4, built by hand.
  const key = Buffer.from('0|00|000', 'latin1');
  const list = [0x5d, 0x28, ...Array<number>(1000).fill(0x4e), 0x65];
  const bytes = Uint8Array.from([0x80, 4, 0x7d, 0x8c, 4, ...Buffer.from('hash'), 0x7d, 0x8c, key.length, ...key, ...list, 0x73, 0x73, 0x2e]);
  writeFileSync(join(dir, 'cellinfo.pkl'), bytes);
  const error = await readNashpobench2Pickles(dir).catch((e: unknown) => e);
  expect(BenchmarkError.is(error) && error.kind).toBe('corrupt-data');
  expect((error as Error).message).toMatch(/cellinfo\.pkl \['hash'\]\["0\|00\|000"\] is a list or tuple, not a hash/);
});
