import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryIo } from '../cliFixtures';
import { snapshot } from '../compare/compareFixtures';
import { runCli } from '../runCli';

const small = ['compare', '--protocols', 'nb201', '--optimizers', 'rs', '--seeds', '2', '--threads', '1', '--quiet', '--out', 'grid'];

/** A finished run file edited by hand, still valid JSON: one recorded objective made better. */
function tamper(path: string): number {
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('{"trial":'));
  const record = JSON.parse(lines[at]!) as { objectives: Record<string, number> };
  const [name] = Object.keys(record.objectives);
  lines[at] = lines[at]!.replace(`"${name}":${JSON.stringify(record.objectives[name!])}`, `"${name}":-1`);
  writeFileSync(path, lines.join('\n'));
  return at + 1;
}

describe('jahskit compare and report, on a run file changed after it was written', () => {
  test('refuse it in one line naming the file and the line, and leave it as it is', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'jahskit-tamper-'));
    expect(await runCli(small, memoryIo('', cwd))).toBe(0);
    const path = join(cwd, 'grid', 'nb201', 'rs', 'seed1.jsonl');
    const line = tamper(path);
    const before = snapshot(join(cwd, 'grid'));
    const message = new RegExp(`seed1\\.jsonl: line ${line} was changed after it was written \\(checksum mismatch\\); move the file away to rerun this run$`);

    for (const argv of [small, ['report', 'grid']]) {
      const io = memoryIo('', cwd);
      expect(await runCli(argv, io)).toBe(1);
      // The note about the number of seeds aside, one line, naming the file once.
      const errors = io
        .err()
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('note:'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(errors[0]!.split(path)).toHaveLength(2);
      expect(snapshot(join(cwd, 'grid'))).toEqual(before);
    }
  });
});
