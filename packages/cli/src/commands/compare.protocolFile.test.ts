import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toyMlpModule } from '../../../../docs/examples/write-a-benchmark';
import { freshDir } from '../cliRunFixtures';
import { cifar10Protocol, compareIn } from '../compare/gridFixtures';
import { defaultModules } from '../defaultModules';

const toy = { name: 'toy', title: 'Toy MLP: validation accuracy', benchmark: 'toy-mlp', budget: { evaluations: 12 }, metric: 'best', axis: 'evaluations' };
const nb201Small = cifar10Protocol('nb201-15', 'NAS-Bench-201 CIFAR-10, 15 evaluations', 15, { metric: 'regret' });
/** Every plugin jahskit ships, and the toy benchmark of the guide to writing one. */
const withToy = { modules: [...defaultModules(), toyMlpModule] };

describe('jahskit compare --protocol-file', () => {
  const folder = (protocols: unknown): string => {
    const cwd = freshDir('protocol-file');
    writeFileSync(join(cwd, 'protocols.json'), JSON.stringify(protocols));
    return cwd;
  };

  test("a protocol of the user's own on a shipped benchmark runs in grid threads like a shipped one", async () => {
    const cwd = folder([nb201Small]);
    const grid = await compareIn(cwd, {
      'protocol-file': 'protocols.json',
      protocols: 'nb201-15,nb201',
      optimizers: 'rs,re',
      seeds: 2,
      budget: 15,
      threads: 2,
      quiet: true,
      out: 'grid',
    });
    expect(grid.code).toBe(0);
    expect(grid.err).not.toContain('this thread only');
    const board = readFileSync(join(cwd, 'grid', 'leaderboard.md'), 'utf8');
    expect(board).toContain('NAS-Bench-201 CIFAR-10, 15 evaluations');
  });

  test("a benchmark from an app's plugin runs in the grid's own thread, with a note", async () => {
    const cwd = folder([toy]);
    const grid = await compareIn(
      cwd,
      { 'protocol-file': 'protocols.json', protocols: 'toy', optimizers: 'rs,tpe', seeds: 2, threads: 2, quiet: true, out: 'grid' },
      withToy,
    );
    expect(grid.code).toBe(0);
    expect(grid.err).toContain('note: running in this thread only: grid threads load only the plugins jahskit ships');
    expect(grid.out).toMatch(/ran 4 runs .* with 1 thread\b/);
    expect(readFileSync(join(cwd, 'grid', 'leaderboard.md'), 'utf8')).toMatch(/\| tpe \| black-box \| /);
  });

  test.each([
    ['not JSON', '{', /--protocol-file protocols.json is not JSON/],
    ['a missing field', JSON.stringify([{ ...toy, metric: undefined }]), /--protocol-file protocols.json: 0.metric: /],
    ['an unknown field', JSON.stringify([{ ...toy, budgte: 3 }]), /--protocol-file protocols.json: 0: Unrecognized key/],
    [
      'hypervolume without a reference point',
      JSON.stringify([{ ...toy, metric: 'hypervolume' }]),
      /0.referencePoint: metric "hypervolume" needs a referencePoint/,
    ],
    ['a shipped name', JSON.stringify([{ ...toy, name: 'nb201' }]), /protocol "nb201" is a protocol jahskit ships; give yours another name/],
    ['a name twice', JSON.stringify([toy, toy]), /protocol "toy" is defined twice/],
  ])('%s is one line naming the file and the field, and runs nothing', async (_, text, message) => {
    const cwd = freshDir('protocol-file');
    writeFileSync(join(cwd, 'protocols.json'), text);
    const bad = await compareIn(cwd, { 'protocol-file': 'protocols.json', protocols: 'toy', out: 'grid' }, withToy);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(message);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });
});
