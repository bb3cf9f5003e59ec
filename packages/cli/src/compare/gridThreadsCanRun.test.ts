import { createRegistry, definePlugin } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { defaultModules } from '../defaultModules';
import { findProtocol } from './findProtocol';
import { gridThreadsCanRun } from './gridThreadsCanRun';

describe('gridThreadsCanRun', () => {
  const shipped = createRegistry(defaultModules());
  const protocols = [findProtocol('nb201'), findProtocol('jahs')];

  test('the shipped plugins run in grid threads, labelled variants included', () => {
    expect(gridThreadsCanRun(shipped, protocols, [{ id: 'rs' }, { id: 're@pop20' }, { id: 'hyperband' }])).toBe(true);
  });

  test("an app's optimizer, or its own in place of a shipped one, keeps the grid in its own thread", () => {
    const rs = shipped.get('optimizer', 'rs');
    const own = definePlugin({ optimizers: [{ ...rs, id: 'mine' }] });
    const replaced = definePlugin({ optimizers: [{ ...rs }] });
    const withOwn = createRegistry([...defaultModules(), own]);
    expect(gridThreadsCanRun(withOwn, protocols, [{ id: 'rs' }])).toBe(true);
    expect(gridThreadsCanRun(withOwn, protocols, [{ id: 'mine' }])).toBe(false);
    const withReplaced = createRegistry([...defaultModules().filter((m) => !m.plugins.optimizers.includes(rs)), replaced]);
    expect(gridThreadsCanRun(withReplaced, protocols, [{ id: 'rs' }])).toBe(false);
  });

  test("a protocol on an app's benchmark keeps the grid in its own thread", () => {
    const nb201 = shipped.get('benchmark', 'nb201');
    const registry = createRegistry([...defaultModules(), definePlugin({ benchmarks: [{ ...nb201, id: 'my-bench' }] })]);
    expect(gridThreadsCanRun(registry, [{ ...findProtocol('nb201'), benchmark: 'my-bench' }], [{ id: 'rs' }])).toBe(false);
  });
});
