import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPRESSION_FUNCTIONS } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { sharedUnderBudget, simulateUnderParams, sizeMb, train, tuneUnderBudget } from './constraints-in-an-app';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const GUIDE = '../guides/constraints.md';

/** The unconstrained optimum breaks both constraints, so they bind: a run that ignored them would show it. */
const deployable = (metrics: Readonly<Record<string, number>>): boolean => metrics['size_MB']! <= 2 && metrics['latency_ms']! <= 20;

describe('the constraints guide example', () => {
  test('the constraints bind: the best configuration of the stand-in breaks both', () => {
    const corner = { lr: 10 ** -2.5, layers: 8, width: 512, activation: 'gelu' };
    expect(sizeMb(corner)).toBeGreaterThan(2);
    expect(train(corner).latency_ms).toBeGreaterThan(20);
  });

  test('ask/tell: too-big configurations are rejected untrained, and the best satisfies every constraint', async () => {
    for (const seed of [0, 1]) {
      const { best, feasible, rejected } = await tuneUnderBudget(seed, 60);
      expect(rejected).toBeGreaterThan(0);
      expect(feasible).toBeGreaterThan(0);
      expect(deployable(best!.metrics)).toBe(true);
      expect(best!.objectives['val_loss']).toBeLessThan(0.8);
      expect((await tuneUnderBudget(seed, 60)).best).toEqual(best);
    }
  });

  test('simulated: cheap-constraint rejections cost no time, the derived objective is reported, and TPE learns the feasible region', async () => {
    const rejections = { rs: 0, tpe: 0 };
    const errors = { rs: 0, tpe: 0 };
    for (const id of ['rs', 'tpe'] as const) {
      for (const seed of [0, 1, 2, 3, 4]) {
        const run = await simulateUnderParams(id, seed, 60);
        expect(run.records).toHaveLength(60);
        for (const r of run.records) {
          if (r.metrics['params_k']! > 100) {
            // Rejected before training: failed, with its cheap metric, at no simulated cost.
            expect([r.status, r.cost, r.end! - r.start!, r.objectives]).toEqual(['failed', 0, 0, {}]);
            rejections[id]++;
          } else {
            expect(r.objectives['err']).toBeCloseTo(100 - r.metrics['valid_acc']!, 10);
          }
        }
        const best = run.study.best()!;
        expect(best.metrics['params_k']).toBeLessThanOrEqual(100);
        // At most 100k parameters the toy network's width is at most 32: 86 % accuracy at best.
        expect(best.objectives['err']).toBeGreaterThanOrEqual(14 - 1e-9);
        errors[id] += best.objectives['err']!;
      }
    }
    expect(rejections.tpe).toBeLessThan(rejections.rs);
    expect(errors.tpe).toBeLessThan(errors.rs);
  });

  test('a stored study keeps the constraints in its spec; its best satisfies them', async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), 'jahskit-constraints-example-')), 'study.jsonl')}`;
    const best = await sharedUnderBudget(url, 40);
    expect(deployable(best!.metrics)).toBe(true);
    expect(readFileSync(url.slice('file:'.length), 'utf8')).toContain('"constraints":["size_MB <= 2","latency_ms <= 20"]');
  });
});

describe('the constraints guide', () => {
  test('its TypeScript blocks are excerpts of the tested example', () => {
    const source = new Set(
      read('./constraints-in-an-app.ts')
        .split('\n')
        .map((line) => line.trim()),
    );
    const blocks = [...read(GUIDE).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const line of blocks
      .flatMap((b) => b.split('\n'))
      .map((l) => l.trim())
      .filter((l) => l !== '' && l !== '}' && l !== '});' && l !== '...')) {
      expect(source.has(line), `"${line}" is not in constraints-in-an-app.ts`).toBe(true);
    }
  });

  test('it names every function an expression may call', () => {
    const guide = read(GUIDE);
    for (const name of EXPRESSION_FUNCTIONS) expect(guide).toContain(`\`${name}\``);
  });

  test('every optimizer page says what the optimizer does with constraints', () => {
    const folder = new URL('../plugins/', import.meta.url);
    const missing = readdirSync(folder).filter((name) => name.endsWith('.md') && !readFileSync(new URL(name, folder), 'utf8').includes('\n## Constraints\n'));
    expect(missing).toEqual([]);
  });
});
