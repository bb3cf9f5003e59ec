import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect } from 'vitest';
import { applyByteEdits, byteEdit, expectCleanOutcome, fuzzTest, jahskit, Sandbox } from './fuzzFixtures';

/**
 * A run file found where `jahskit run` writes: cut anywhere (a run killed mid-write), edited anywhere
 * (by hand, by a disk), or another run's file. Rerunning the command either resumes it to exactly the
 * bytes of an uninterrupted run, or refuses in one line and leaves the file as it found it: results are
 * never overwritten, and an edited result is never taken for one.
 */
const sandbox = new Sandbox('jahskit-fuzz-runfile-');
const FILE = 'synthetic-branin-re-seed0.jsonl';
const command = (out: string, budget = '30') => ['run', '--benchmark', 'synthetic', '--optimizer', 're', '--budget', budget, '--quiet', '--out', out];
let complete: Buffer;
let otherRun: Buffer;

let k = 0;

/** Puts `bytes` where the command writes, reruns it, and checks what it left. */
async function rerun(bytes: Buffer): Promise<{ code: number }> {
  const out = `out/case${k++}`;
  mkdirSync(join(sandbox.root, out));
  writeFileSync(join(sandbox.root, out, FILE), bytes);
  const outcome = await jahskit(command(out), sandbox.root);
  expectCleanOutcome(outcome, 'run', { success: true });
  const after = readFileSync(join(sandbox.root, out, FILE));
  if (outcome.code === 0) expect(after.equals(complete), 'a resumed run differs from the uninterrupted one').toBe(true);
  else expect(after.equals(bytes), `${outcome.err}: the refused file was changed`).toBe(true);
  return outcome;
}

describe('jahskit run over a run file it finds', () => {
  beforeAll(async () => {
    expect((await jahskit(command('out/reference'), sandbox.root)).code).toBe(0);
    expect((await jahskit(command('out/other', '20'), sandbox.root)).code).toBe(0);
    complete = readFileSync(join(sandbox.out, 'reference', FILE));
    otherRun = readFileSync(join(sandbox.out, 'other', FILE));
  });

  fuzzTest('cut anywhere: resumed to the uninterrupted bytes', [fc.nat()], 40, async (at) => {
    expect((await rerun(complete.subarray(0, at % (complete.length + 1)))).code).toBe(0);
  });

  fuzzTest(
    'edited anywhere: resumed only where the edit tore the last line, else refused and untouched',
    [fc.array(byteEdit, { minLength: 1, maxLength: 3 })],
    60,
    async (edits) => {
      const edited = applyByteEdits(complete, edits);
      const { code } = await rerun(edited);
      // A refusal is the rule; success is allowed only when the edit left the complete lines intact.
      if (code === 0) {
        const lines = edited.subarray(0, edited.lastIndexOf(0x0a) + 1);
        expect(complete.subarray(0, lines.length).equals(lines), 'an edited complete line was accepted').toBe(true);
      }
    },
  );

  fuzzTest("another run's file, whole or cut: refused and untouched", [fc.nat()], 15, async (at) => {
    const cut = otherRun.subarray(0, Math.max(1, at % (otherRun.length + 1)));
    const firstLine = otherRun.indexOf(0x0a) + 1;
    const { code } = await rerun(cut);
    // Before its header line is complete, a file holds no run: it is resumed as this one.
    if (cut.length >= firstLine) expect(code).toBe(1);
  });
});
