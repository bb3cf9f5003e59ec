import { cpSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect } from 'vitest';
import { applyJsonEdits, expectCleanOutcome, fuzzTest, jahskit, jsonEdit, Sandbox } from './fuzzFixtures';

/**
 * An onnx-surrogate folder is downloaded and shared, so its manifest is input like any other: a copy of
 * the real nb301 folder with its manifest edited anywhere, and its file fields pointed at files inside
 * the folder, outside it (`../`, absolute, a symbolic link leading out) or at nothing. `jahskit eval`
 * loads it and answers a query: it fails in one line naming the manifest field, or it works, and then
 * every file the manifest names lies inside the folder.
 */
const sandbox = new Sandbox('jahskit-fuzz-surrogate-');
const folder = join(sandbox.root, 'in', 'nb301');
const source = new URL('../../../benchmarks/data/nb301/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', source), 'utf8')) as Record<string, unknown>;
const example = (JSON.parse(readFileSync(new URL('examples.json', source), 'utf8')) as { config: object }[])[0]!;

/** File names for the manifest's file fields: its own files, another of them, ways out, nothing. */
const fileName = fc.constantFrom(
  'model_v2.onnx',
  'config_space_v2.json',
  'encoding_v2.json',
  'examples.json',
  'manifest.json',
  'link-in.json',
  'link-out.json',
  '../outside.json',
  join(sandbox.root, 'in', 'outside.json'),
  '/etc/passwd',
  './config_space_v2.json',
  'sub/../config_space_v2.json',
  '',
  '.',
  '..',
  'missing.json',
  'config_space_v2.json\u0000',
  'CONFIG_SPACE_V2.JSON',
);
const FILE_FIELDS = [['model', 'file'], ['configSpace'], ['mappings']] as const;

const editedManifest = fc.oneof(
  { weight: 2, arbitrary: fc.array(jsonEdit, { minLength: 1, maxLength: 3 }).map((edits) => applyJsonEdits(manifest, edits)) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...FILE_FIELDS), fileName).map(([path, name]) => {
      const copy = structuredClone(manifest) as Record<string, Record<string, unknown>>;
      if (path.length === 2) copy[path[0]]![path[1]] = name;
      else (copy as Record<string, unknown>)[path[0]] = name;
      return copy;
    }),
  },
);

/** Whether `name`, as the manifest names it, leads to a file inside the folder (links followed). */
function inside(name: unknown): boolean {
  if (typeof name !== 'string') return true;
  const rel = relative(realpathSync(folder), realpathSync(resolve(folder, name)));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
}

describe('onnx-surrogate folders with an edited manifest', () => {
  beforeAll(() => {
    cpSync(source, folder, { recursive: true });
    cpSync(join(folder, 'config_space_v2.json'), join(sandbox.root, 'in', 'outside.json'));
    symlinkSync('../outside.json', join(folder, 'link-out.json'));
    symlinkSync('config_space_v2.json', join(folder, 'link-in.json'));
  });

  fuzzTest('fail in one line naming the field, or use only files inside the folder', [editedManifest], 40, async (edited) => {
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(edited));
    const before = sandbox.snapshot();
    const outcome = await jahskit(
      ['eval', '--benchmark', 'onnx-surrogate', '--benchmark-options', JSON.stringify({ dir: folder })],
      sandbox.root,
      `${JSON.stringify(example)}\n`,
    );
    expectCleanOutcome(outcome, 'eval', { success: true, maxMs: 10_000 });
    expect(sandbox.changesOutside(before)).toEqual([]);
    if (outcome.code === 0) {
      const fields = edited as { model?: { file?: unknown }; configSpace?: unknown; mappings?: unknown };
      for (const name of [fields.model?.file, fields.configSpace, fields.mappings]) expect(inside(name), String(name)).toBe(true);
    }
  });
});
