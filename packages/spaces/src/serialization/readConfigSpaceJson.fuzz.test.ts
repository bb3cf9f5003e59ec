import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Rng } from '@jahskit/core';
import { applyByteEdits, applyJsonEdits, byteEdit, fuzzTest, jsonEdit, typedOrUndefined } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { SpaceError } from '../errors/SpaceError';
import { exampleSpace, randomSpace } from '../space/spaceFixtures';
import { readConfigSpaceJson } from './readConfigSpaceJson';
import { writeConfigSpaceJson } from './writeConfigSpaceJson';

/**
 * ConfigSpace JSON documents edited anywhere: a field replaced, removed, duplicated, retyped or renamed,
 * or the text's bytes changed. Reading one either fails with an 'invalid-json' SpaceError naming the
 * item, or gives a space that behaves: it samples (or says, typed, that its forbidden clauses leave
 * nothing), validates its own samples, and writes the document it reads back. All in bounded time.
 */
const NB301 = JSON.parse(readFileSync(new URL('./fixtures/nb301_config_space_v2.json', import.meta.url), 'utf8')) as object;
const documents = fc.oneof(
  fc.constant(NB301),
  fc.constant(writeConfigSpaceJson(exampleSpace())),
  fc.integer({ min: 0, max: 0xffff_ffff }).map((seed) => writeConfigSpaceJson(randomSpace(seed))),
);
const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(documents, fc.array(jsonEdit, { minLength: 1, maxLength: 4 })).map(([doc, edits]) => JSON.stringify(applyJsonEdits(doc, edits))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(documents, fc.array(byteEdit, { minLength: 1, maxLength: 3 }))
      .map(([doc, edits]) => applyByteEdits(Buffer.from(JSON.stringify(doc)), edits).toString('utf8')),
  },
);

describe('readConfigSpaceJson over edited documents', () => {
  fuzzTest('fails with invalid-json naming the item, or reads a space that works', [text, fc.nat()], 300, (input, seed) => {
    const start = performance.now();
    let space;
    try {
      space = readConfigSpaceJson(input);
    } catch (error) {
      expect(SpaceError.is(error), String((error as Error)?.stack ?? error)).toBe(true);
      expect((error as SpaceError).kind).toBe('invalid-json');
      expect((error as SpaceError).parameter).toBeTypeOf('string');
      expect((error as SpaceError).message).not.toContain('\n');
      expect(performance.now() - start).toBeLessThan(1000);
      return;
    }
    const rng = Rng.seeded(seed % 0xffff_ffff);
    const sample = typedOrUndefined(() => space.sample(rng));
    if (sample !== undefined) expect(space.validate(sample)).toEqual(sample);
    typedOrUndefined(() => space.defaultConfiguration());
    const written = writeConfigSpaceJson(space);
    expect(writeConfigSpaceJson(readConfigSpaceJson(JSON.stringify(written)))).toEqual(written);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  // Found by the property above (seed 3): V8's parse error quotes the text around the fault, and the
  // line break inside it made the message two lines.
  test('a document broken across a line break is one line of error', () => {
    expect(() => readConfigSpaceJson('{"hyperparameters": [{"name": "p1", "choices"\n["a"]}]}')).toThrow(
      /^parameter "\(document\)": not valid JSON \([^\n]*\\n[^\n]*\)$/,
    );
  });
});
