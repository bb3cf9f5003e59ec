import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRegistry } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { defaultModules } from './defaultModules';

/**
 * A plugin is not done without its page: every registered plugin has one that names each option.
 * The page is `docs/<folder>/<id>.md`, or a page whose title names the id (one page may cover a
 * family of ids, such as the sequential baselines).
 */
const registry = createRegistry(defaultModules());
const docs = new URL('../../../docs/', import.meta.url);

function pageFor(folder: string, id: string): string | undefined {
  const own = new URL(`${folder}/${id}.md`, docs);
  if (existsSync(own)) return readFileSync(own, 'utf8');
  for (const name of readdirSync(new URL(`${folder}/`, docs))) {
    const text = readFileSync(new URL(`${folder}/${name}`, docs), 'utf8');
    if ((text.split('\n')[0] ?? '').includes(`\`${id}\``)) return text;
  }
  return undefined;
}

describe('every registered plugin has a docs page that names its options', () => {
  const cases = [...registry.list('optimizer').map((d) => ['plugins', d] as const), ...registry.list('benchmark').map((d) => ['benchmarks', d] as const)];
  test.each(cases.map(([folder, d]) => [`${folder}/${d.id}`, folder, d] as const))('%s', (_name, folder, descriptor) => {
    const text = pageFor(folder, descriptor.id);
    expect(text, `no page docs/${folder}/${descriptor.id}.md (or a page titled with \`${descriptor.id}\`)`).toBeDefined();
    const shape = (descriptor.options as { shape?: Record<string, unknown> }).shape ?? {};
    for (const option of Object.keys(shape)) expect(text, `the page of ${descriptor.id} does not mention option "${option}"`).toContain(option);
  });

  // A default written as a plain literal in an options table (`| \`eta\` | 3 | ... |`) is the schema's.
  test.each(cases.map(([folder, d]) => [`${folder}/${d.id}`, folder, d] as const))('%s: the defaults its options table states', (_name, folder, descriptor) => {
    const text = pageFor(folder, descriptor.id) ?? '';
    const shape = (descriptor.options as { shape?: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> }).shape ?? {};
    for (const [, option, cell] of text.matchAll(/^\| `(\w+)` \| ([^|]+?) \|/gm)) {
      const schema = shape[option as string];
      const stated = documentedLiteral(cell as string);
      if (schema === undefined || stated === undefined) continue;
      const parsed = schema.safeParse(undefined);
      if (!parsed.success || (parsed.data !== null && typeof parsed.data === 'object')) continue;
      expect(stated, `docs/${folder}: the default of ${descriptor.id}'s "${option}"`).toBe(typeof parsed.data === 'number' ? parsed.data : String(parsed.data));
    }
  });
});

/** A table cell that is one number, or one `code` word; undefined for anything else (prose, "as sh"). */
function documentedLiteral(cell: string): number | string | undefined {
  const trimmed = cell.trim();
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(trimmed)) return Number(trimmed);
  const code = /^`'?([\w.-]+)'?`$/.exec(trimmed);
  return code?.[1];
}
