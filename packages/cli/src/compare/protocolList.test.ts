import { describe, expect, test } from 'vitest';
import { BUILTIN_PROTOCOLS } from './builtinProtocols';
import { protocolList } from './protocolList';

describe('protocolList', () => {
  test('every shipped protocol with its title and source; presets and published values where there are', () => {
    const text = protocolList(BUILTIN_PROTOCOLS);
    for (const p of BUILTIN_PROTOCOLS) {
      expect(text).toContain(`${p.name} `);
      expect(text).toContain(p.title);
      expect(text).toContain(`source: ${p.description}`);
    }
    expect(text).toMatch(/presets: re@nb201-paper \{"population":10,"sampleSize":3\}/);
    expect(text).toMatch(/published values of re@nb201-paper, rs, reinforce@nb201-paper, bohb@nb201-paper: Dong & Yang, ICLR 2020, Table 5/);
    expect(text).toMatch(/nashpobench2 .*\(data: separate download\)/);
  });

  test("a --protocol-file's protocols are marked with their file", () => {
    const mine = { ...BUILTIN_PROTOCOLS[0]!, name: 'mine', description: '' };
    const text = protocolList([mine], { names: new Set(['mine']), file: 'p.json' });
    expect(text).toMatch(/^mine .*\(from --protocol-file p\.json\)\n +source: \(none given\)\n$/);
  });
});
