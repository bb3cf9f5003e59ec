import type { EvaluationRequest } from '@jahskit/core';
import { expect, test } from 'vitest';
import { touchRequests } from './touchRequests';

const request = (config: unknown, fidelity: unknown = { epoch: 1 }): EvaluationRequest => ({ config, fidelity, seed: 0 }) as unknown as EvaluationRequest;

test('reads no configuration value: getters are not run and nothing changes', () => {
  let reads = 0;
  const config = { a: 'x' } as Record<string, unknown>;
  Object.defineProperty(config, 'b', { enumerable: true, get: () => ++reads });
  const before = JSON.stringify(Object.getOwnPropertyDescriptors(config));
  const requests = [request(config), request({ c: 1 })];
  expect(touchRequests(requests, 0, 2)).toBeGreaterThan(0);
  expect(reads).toBe(0);
  expect(JSON.stringify(Object.getOwnPropertyDescriptors(config))).toBe(before);
});

test('takes any value where a configuration or fidelity should be, and only the rows asked for', () => {
  const requests = [null, undefined, 'abc', 7, [], Object.create(null) as object].map((c) => request(c, c));
  expect(() => touchRequests(requests, 0, requests.length)).not.toThrow();
  let visited = 0;
  const counting = new Proxy({ a: 1 }, { ownKeys: (target) => (visited++, Reflect.ownKeys(target)) });
  touchRequests([request({ a: 1 }), request(counting)], 0, 1);
  expect(visited).toBe(0);
});

test('ignores a proxy whose traps throw: the row check meets the error, not the touch', () => {
  const hostile = new Proxy(
    {},
    {
      ownKeys: () => {
        throw new Error('ownKeys');
      },
    },
  );
  expect(() => touchRequests([request({ a: 1 }), request(hostile), request({ b: 2 })], 0, 3)).not.toThrow();
});
