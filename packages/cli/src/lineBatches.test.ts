import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lineBatches } from './lineBatches';

async function collect(chunks: readonly (string | Uint8Array)[]): Promise<string[][]> {
  const batches: string[][] = [];
  for await (const batch of lineBatches(
    (async function* () {
      yield* chunks;
    })(),
  ))
    batches.push(batch);
  return batches;
}

describe('lineBatches', () => {
  test('yields the lines each chunk completes, and the unterminated last line at the end', async () => {
    expect(await collect(['a\nb', 'c\n', '\nd'])).toEqual([['a'], ['bc'], [''], ['d']]);
    expect(await collect([])).toEqual([]);
    expect(await collect(['x\n'])).toEqual([['x']]);
  });

  test('decodes a character split across byte chunks', async () => {
    const bytes = Buffer.from('é\n', 'utf8');
    expect(await collect([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual([['é']]);
  });

  // The oracle: however the bytes are cut into chunks, the lines are those of the whole text.
  test.prop([fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.nat(), { maxLength: 10 })])(
    'any chunking gives the lines of the whole text',
    async (text, cuts) => {
      const bytes = Buffer.from(text, 'utf8');
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const chunks = [0, ...points].map((start, i) => bytes.subarray(start, [...points, bytes.length][i]));
      const expected = text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
      expect((await collect(chunks)).flat()).toEqual(expected);
    },
  );
});
