import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isBuildFresh } from '../bin/isBuildFresh.js';

const root = mkdtempSync(join(tmpdir(), 'jahskit-fresh-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file written with a modification time of `at` seconds after an epoch of our own. */
function file(path: string, at: number): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
  utimesSync(join(root, path), 1_700_000_000 + at, 1_700_000_000 + at);
}

const outputs = (): string[] => ['dist/index.js', 'dist/index.cjs'];

describe('isBuildFresh', () => {
  test('fresh when every output is newer than every input; tests and fixtures do not count', () => {
    file('core/src/index.ts', 10);
    file('core/src/deep/a.ts', 20);
    file('core/src/deep/a.test.ts', 100);
    file('core/src/deep/aFixtures.ts', 100);
    file('core/package.json', 5);
    file('core/dist/index.js', 30);
    file('core/dist/index.cjs', 31);
    file('spaces/src/index.ts', 10);
    file('spaces/dist/index.js', 30);
    file('spaces/dist/index.cjs', 30);
    expect(isBuildFresh(root, outputs)).toBe(true);
  });

  test('files in hidden folders under src (caches tests write) are not sources', () => {
    file('core/src/deep/.cache/table.bin', 500);
    file('core/src/.jahskit-cache/x.json', 500);
    expect(isBuildFresh(root, outputs)).toBe(true);
  });

  test('stale when a source, the manifest or the build config changed after the build', () => {
    let at = 40;
    for (const changed of ['core/src/deep/a.ts', 'core/package.json', 'core/rolldown.config.ts']) {
      file(changed, (at += 10));
      expect(isBuildFresh(root, outputs), changed).toBe(false);
      // `npm run build` writes every package's outputs.
      at += 10;
      for (const output of ['core/dist/index.js', 'core/dist/index.cjs', 'spaces/dist/index.js', 'spaces/dist/index.cjs']) file(output, at);
      expect(isBuildFresh(root, outputs)).toBe(true);
    }
  });

  test("stale when another package's source changed after this one's build: the command bundles them all", () => {
    file('spaces/src/index.ts', 1000);
    file('spaces/dist/index.js', 1010);
    file('spaces/dist/index.cjs', 1010);
    expect(isBuildFresh(root, outputs)).toBe(false);
    file('core/dist/index.js', 1020);
    file('core/dist/index.cjs', 1020);
    expect(isBuildFresh(root, outputs)).toBe(true);
  });

  test('stale when the shared build file changed after the build', () => {
    // Outside the packages folder, as the root rolldown.package.ts is.
    const shared = [join(mkdtempSync(join(tmpdir(), 'jahskit-fresh-shared-')), 'rolldown.package.ts')];
    writeFileSync(shared[0]!, '');
    utimesSync(shared[0]!, 1_700_002_000, 1_700_002_000);
    expect(isBuildFresh(root, outputs, shared)).toBe(false);
    for (const output of ['core/dist/index.js', 'core/dist/index.cjs', 'spaces/dist/index.js', 'spaces/dist/index.cjs']) file(output, 2010);
    expect(isBuildFresh(root, outputs, shared)).toBe(true);
    rmSync(dirname(shared[0]!), { recursive: true, force: true });
  });

  test('stale when an output is missing (a build that failed half way)', () => {
    rmSync(join(root, 'spaces/dist/index.cjs'));
    expect(isBuildFresh(root, outputs)).toBe(false);
  });
});
