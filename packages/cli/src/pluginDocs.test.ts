import { existsSync, readFileSync } from 'node:fs';
import { createRegistry } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { defaultModules } from './defaultModules';

/** A plugin is not done without its page: every registered plugin has one, naming each option. */
const registry = createRegistry(defaultModules());
const page = (folder: string, id: string) => new URL(`../../../docs/${folder}/${id}.md`, import.meta.url);

describe('every registered plugin has a docs page that names its options', () => {
  const cases = [
    ...registry.list('optimizer').map((d) => ['plugins', d] as const),
    ...registry.list('benchmark').map((d) => ['benchmarks', d] as const),
  ];
  test.each(cases.map(([folder, d]) => [`${folder}/${d.id}.md`, folder, d] as const))('%s', (_name, folder, descriptor) => {
    const url = page(folder, descriptor.id);
    expect(existsSync(url), `docs/${folder}/${descriptor.id}.md is missing`).toBe(true);
    const text = readFileSync(url, 'utf8');
    const shape = (descriptor.options as { shape?: Record<string, unknown> }).shape ?? {};
    for (const option of Object.keys(shape)) expect(text, `docs/${folder}/${descriptor.id}.md does not mention option "${option}"`).toContain(option);
  });
});
