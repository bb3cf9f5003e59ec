import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

test('every relative link in the documentation points at an existing file', () => {
  const broken: string[] = [];
  for (const file of markdownFiles(root)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\]\(([^)#:\s]+)(#[^)]*)?\)/g)) {
      const target = normalize(join(dirname(file), match[1]!));
      if (!existsSync(target)) broken.push(`${file.slice(root.length)} -> ${match[1]}`);
    }
  }
  expect(broken).toEqual([]);
});
