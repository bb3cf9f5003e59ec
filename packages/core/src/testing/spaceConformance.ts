import { describe, expect, test } from 'vitest';
import { JahskitError } from '../errors/JahskitError';
import { Rng } from '../random/Rng';
import type { SearchSpace } from '../space/SearchSpace';

/** The properties every search space must have, as vitest tests. */
export function describeSpaceConformance(name: string, make: () => SearchSpace, samples = 200): void {
  describe(`space "${name}" conformance`, () => {
    test('samples are legal, canonical, and survive encode/decode', () => {
      const space = make();
      const rng = Rng.seeded(1);
      for (let i = 0; i < samples; i++) {
        const config = space.sample(rng.stream(i));
        expect(space.validate(config)).toEqual(config);
        const back = space.decode(space.encode(config));
        for (const [key, value] of Object.entries(config)) {
          if (typeof value === 'number') expect(back[key] as number).toBeCloseTo(value, 9);
          else expect(back[key]).toBe(value);
        }
      }
    });

    test('the default configuration is legal and neighbours are legal', () => {
      const space = make();
      const config = space.defaultConfiguration();
      expect(space.validate(config)).toEqual(config);
      for (const neighbour of space.neighbours(config, Rng.seeded(2), 2)) expect(() => space.validate(neighbour)).not.toThrow();
    });

    test('an unknown parameter is a typed error naming it', () => {
      const space = make();
      let caught: unknown;
      try {
        space.validate({ ...space.defaultConfiguration(), no_such_parameter: 1 });
      } catch (error) {
        caught = error;
      }
      expect(JahskitError.isJahskitError(caught)).toBe(true);
      expect((caught as JahskitError).parameter).toBe('no_such_parameter');
    });
  });
}
