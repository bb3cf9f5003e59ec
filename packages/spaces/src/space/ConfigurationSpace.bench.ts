import { Rng, type Configuration } from '@jahskit/core';
import { bench, describe } from 'vitest';
import { nb301ConfigSpace } from '../cells/darts/dartsSpace';
import { exampleSpace } from './spaceFixtures';

// Budget: sampling 100,000 NB301 configurations must take <= 1 s single-threaded; random search
// targets 20 us of ask + tell overhead per trial, of which sample + validate are the space's share.
const nb301 = nb301ConfigSpace();
const example = exampleSpace();
const rng = Rng.seeded(1);
const pool: Configuration[] = nb301.sampleMany(Rng.seeded(2), 1000);
const examplePool: Configuration[] = example.sampleMany(Rng.seeded(3), 1000);
// Objects built elsewhere (fast-mode objects of many shapes, keys out of order): validate copies them.
const foreign: Configuration[] = pool.map((c) => ({ epoch: c['epoch'] as number, ...c }));
let sink: unknown;

/** A benchmark of 100,000 calls of `call` (the unit of the budgets above), its result kept in `sink` so it is not optimised away. */
function bench100k(name: string, call: (i: number) => unknown): void {
  bench(
    name,
    () => {
      for (let i = 0; i < 100_000; i++) sink = call(i);
    },
    { iterations: 5, warmupIterations: 1 },
  );
}

describe('NB301 space (35 parameters, 24 IN conditions)', () => {
  bench100k('sample x 100k', () => nb301.sample(rng));
  bench100k('validate x 100k (canonical input)', (i) => nb301.validate(pool[i % 1000]));
  bench100k('validate x 100k (foreign objects, keys out of order)', (i) => nb301.validate(foreign[i % 1000]));
  bench100k('encode x 100k', (i) => nb301.encode(pool[i % 1000] as Configuration));
});

describe('mixed example space (11 parameters, 5 conditions, 2 forbidden clauses)', () => {
  bench100k('sample x 100k', () => example.sample(rng));
  bench100k('validate x 100k', (i) => example.validate(examplePool[i % 1000]));
});

export { sink };
