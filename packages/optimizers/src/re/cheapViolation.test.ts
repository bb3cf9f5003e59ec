import type { Constraint, OptimizerContext } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { cheapViolation } from './cheapViolation';
import { cellContext } from './overheadFixtures';

const convs = (config: Readonly<Record<string, unknown>>): number => Object.values(config).filter((v) => v === 'nor_conv_3x3').length;
const bound = (name: string, limit: number): Constraint => ({ expression: `${name} <= ${limit}`, uses: [name], value: (v) => (v[name] as number) - limit });
const cheap: Partial<OptimizerContext> = { cheapObjectives: (config) => ({ convs: convs(config), edges: 6 }) };
const allConvs = Object.fromEntries(cellContext().space.parameters.map((p) => [p.name, 'nor_conv_3x3']));

describe('cheapViolation', () => {
  test('none without constraints, without cheap metrics, or when every constraint reads a trained metric', () => {
    expect(cheapViolation({ ...cellContext(), ...cheap })).toBeUndefined();
    expect(cheapViolation({ ...cellContext(), constraints: [bound('convs', 1)] })).toBeUndefined();
    expect(cheapViolation({ ...cellContext(), ...cheap, constraints: [bound('latency', 1)] })).toBeUndefined();
  });

  test('the total violation of the cheap constraints only', () => {
    const violation = cheapViolation({ ...cellContext(), ...cheap, constraints: [bound('convs', 1), bound('latency', 0), bound('edges', 4)] });
    // convs: 6 - 1; edges: 6 - 4; latency is not cheap and not counted.
    expect(violation?.(allConvs)).toBe(7);
    expect(violation?.({ ...allConvs, edge0: 'none', edge1: 'none', edge2: 'none', edge3: 'none', edge4: 'none' })).toBe(2);
  });
});
