import { expect, test } from 'vitest';
import { spacesExample } from './spaces-example';

test('the spaces example runs', () => {
  const r = spacesExample();
  expect(r.sampled).toHaveLength(3);
  for (const c of r.sampled) expect('momentum' in c).toBe(c['optimizer'] === 'sgd');
  expect(r.vector).toHaveLength(6);
  expect(r.vector[5]).toBe(0); // the constant
  for (const n of r.neighbours) expect(Object.keys(n).length).toBeGreaterThan(0);
  expect(r.restricted['optimizer']).toBe('sgd');
  expect(r.jsonRoundTrip).toBe(true);
  expect(r.error).toBe(
    'inactive-parameter: parameter "momentum": is set to 0.9 but inactive: its condition optimizer == "sgd" does not hold; allowed: no value (leave it out)',
  );
  expect(r.archString).toBe('|skip_connect~0|+|none~0|none~1|+|none~0|nor_conv_3x3~1|none~2|');
  expect(r.sameCellHash).toBe(true);
});
