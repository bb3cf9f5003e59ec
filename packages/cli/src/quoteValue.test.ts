import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { quoteValue } from './quoteValue';

describe('quoteValue', () => {
  test('quotes a short value whole', () => {
    expect(quoteValue('-1')).toBe('"-1"');
    expect(quoteValue('a\nb')).toBe('"a\\nb"');
  });

  test('cuts a long value and says how long it was', () => {
    expect(quoteValue('x'.repeat(1_000_000), 5)).toBe('"xxxxx"... (1000000 characters)');
  });

  test.prop([fc.string({ maxLength: 2000 }), fc.integer({ min: 1, max: 300 })])('is one line, starts with the value and stays short', (text, max) => {
    const quoted = quoteValue(text, max);
    expect(quoted).not.toMatch(/\n/);
    expect(quoted.startsWith(JSON.stringify(text.slice(0, max)).slice(0, -1))).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(6 * max + 40);
  });
});
