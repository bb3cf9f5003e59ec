import { describe, expect, test } from 'vitest';
import { vegaField } from './vegaField';

describe('vegaField', () => {
  test('escapes what Vega reads as a path into nested objects', () => {
    expect(vegaField('valid_error')).toBe('valid_error');
    expect(vegaField('fidelity epoch')).toBe('fidelity epoch');
    expect(vegaField('optimizer.lr')).toBe('optimizer\\.lr');
    expect(vegaField('a[0]')).toBe('a\\[0\\]');
    expect(vegaField('back\\slash')).toBe('back\\\\slash');
  });
});
