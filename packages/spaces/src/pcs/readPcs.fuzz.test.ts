import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Rng } from '@jahskit/core';
import { applyByteEdits, byteEdit, fuzzTest, typedOrUndefined } from '@jahskit/core/testing';
import { describe, expect } from 'vitest';
import { SpaceError } from '../errors/SpaceError';
import { writeConfigSpaceJson } from '../serialization/writeConfigSpaceJson';
import { detectPcsFormat } from './detectPcsFormat';
import { PCS_FIXTURES, randomPcsSpace } from './pcsFixtures';
import { readPcs } from './readPcs';
import { writePcs } from './writePcs';

/**
 * PCS files edited anywhere: bytes changed, or whole lines dropped, repeated, swapped or spliced
 * with PCS punctuation. Reading one either fails with one 'invalid-pcs' SpaceError on one line that
 * names the file, or gives a space that behaves: it samples (or says, typed, that its clauses leave
 * nothing), validates its samples, and writes a file that reads back to the same space.
 */
const files = fc.oneof(
  fc.constant(readFileSync(PCS_FIXTURES.newFormat, 'utf8')),
  fc.constant(readFileSync(PCS_FIXTURES.classic, 'utf8')),
  fc
    .tuple(fc.integer({ min: 0, max: 0xffff_ffff }), fc.constantFrom('new', 'classic') as fc.Arbitrary<'new' | 'classic'>)
    .map(([seed, format]) => writePcs(randomPcsSpace(seed, format), { format })),
);
const PIECES = ['|', '||', '&&', '{', '}', '[', ']', ',', '=', '==', '<', ' in ', '#', 'log', 'il', 'real', 'ordinal', '-', '1e400', "'", ''];
const lineEdit = fc.record({ kind: fc.constantFrom('drop', 'repeat', 'swap', 'splice'), at: fc.nat(), other: fc.nat(), piece: fc.constantFrom(...PIECES) });
type LineEdit = typeof lineEdit extends fc.Arbitrary<infer T> ? T : never;

function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    if (lines.length === 0) break;
    const i = e.at % lines.length;
    const j = e.other % lines.length;
    if (e.kind === 'drop') lines.splice(i, 1);
    else if (e.kind === 'repeat') lines.splice(j, 0, lines[i] as string);
    else if (e.kind === 'swap') [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    else {
      const line = lines[i] as string;
      const k = e.other % (line.length + 1);
      lines[i] = line.slice(0, k) + e.piece + line.slice(k + (e.at % 3));
    }
  }
  return lines.join('\n');
}

const text = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(files, fc.array(lineEdit, { minLength: 1, maxLength: 4 })).map(([t, edits]) => applyLineEdits(t, edits)) },
  {
    weight: 1,
    arbitrary: fc.tuple(files, fc.array(byteEdit, { minLength: 1, maxLength: 3 })).map(([t, edits]) => applyByteEdits(Buffer.from(t), edits).toString('utf8')),
  },
);

describe('readPcs over edited files', () => {
  fuzzTest('fails with one invalid-pcs line naming the file, or reads a space that works', [text, fc.nat()], 400, (input, seed) => {
    const start = performance.now();
    let space;
    try {
      space = readPcs(input, { file: 'edited.pcs' });
    } catch (error) {
      expect(SpaceError.is(error), String((error as Error)?.stack ?? error)).toBe(true);
      expect((error as SpaceError).kind).toBe('invalid-pcs');
      expect((error as SpaceError).parameter).toBeTypeOf('string');
      expect((error as SpaceError).allowed).toBeTypeOf('string');
      expect((error as SpaceError).message).toMatch(/^parameter "[^\n]*": edited\.pcs( line \d+)?: [^\n]*$/);
      expect(performance.now() - start).toBeLessThan(1000);
      return;
    }
    const sample = typedOrUndefined(() => space.sample(Rng.seeded(seed % 0xffff_ffff)));
    if (sample !== undefined) expect(space.validate(sample)).toEqual(sample);
    typedOrUndefined(() => space.defaultConfiguration());
    // Whatever reads can be written in its own format and reads back the same.
    const format = detectPcsFormat(input);
    const written = writePcs(space, { format });
    expect(writeConfigSpaceJson(readPcs(written, { format }))).toEqual(writeConfigSpaceJson(space));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
