import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Every TypeScript block of a doc must be an excerpt of a compiled, tested example file. */
function expectExcerpt(doc: string, example: string, block = 0): void {
  const source = new Set(read(example).split('\n').map((line) => line.trim()));
  const blocks = [...read(doc).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThan(0);
  for (const line of blocks[block]!.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== '}' && l !== '});')) {
    expect(source.has(line), `"${line}" is not in ${example}`).toBe(true);
  }
}

test('the README ask/tell snippet is an excerpt of the tested example', () => {
  expectExcerpt('../../README.md', './ask-tell-in-an-app.ts');
});

test('the guides show excerpts of their tested examples', () => {
  expectExcerpt('../guides/ask-tell-in-an-app.md', './ask-tell-in-an-app.ts');
  // Block 0 of this guide is a summary of the interface, block 1 the real descriptor.
  expectExcerpt('../guides/write-an-optimizer.md', './write-an-optimizer.ts', 1);
});
