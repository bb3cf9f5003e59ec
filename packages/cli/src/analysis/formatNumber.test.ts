import { describe, expect, it } from 'vitest';
import { formatNumber } from './formatNumber';

describe('formatNumber', () => {
  it('keeps four significant digits in plain notation for everyday magnitudes', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(12.3456)).toBe('12.35');
    expect(formatNumber(1234.56)).toBe('1235');
    expect(formatNumber(123456.7)).toBe('123500');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(-0.004321)).toBe('-0.004321');
  });

  it('switches to exponent notation for tiny and huge values', () => {
    expect(formatNumber(0.000012346)).toBe('1.235e-5');
    expect(formatNumber(9.87654e9)).toBe('9.877e9');
    expect(formatNumber(1e-7)).toBe('1e-7');
  });

  it('names non-finite values and zero plainly', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('n/a');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('honours another number of digits', () => {
    expect(formatNumber(Math.PI, 2)).toBe('3.1');
  });
});
