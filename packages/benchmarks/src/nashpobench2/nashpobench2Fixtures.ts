import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture pickles made by scripts/make-nashpobench2-fixtures.py (official shapes, tiny content). */
export const NASHPOBENCH2_FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fresh temporary cache folder, so tests never write beside the committed fixtures. */
export function temporaryCacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'jahskit-nashpobench2-'));
}
