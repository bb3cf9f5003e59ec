import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CliError } from '../commandLineError';
import { readProtocolFile } from './readProtocolFile';

const base = { name: 'mine', title: 'Mine', benchmark: 'nb201', budget: { evaluations: 10 }, metric: 'best', axis: 'evaluations' };

function write(protocols: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'jahskit-protocols-')), 'p.json');
  writeFileSync(path, JSON.stringify(protocols));
  return path;
}

describe('readProtocolFile: presets, published values, incumbent metrics on other options', () => {
  test('are read as the shipped protocols have them', () => {
    const protocol = {
      ...base,
      incumbentMetrics: [{ label: 'acc @200 on cifar100', metric: 'valid_acc', fidelity: { epoch: 200 }, options: { instance: 'cifar100' } }],
      presets: [{ label: 're@mine', options: { population: 5, sampleSize: 2 }, source: 'my script' }],
      reference: { source: 'My paper, Table 2', runs: 20, values: { 're@mine': { 'acc @200 on cifar100': { mean: 70, std: 1 } } } },
    };
    expect(readProtocolFile(write([protocol]))[0]).toMatchObject(protocol);
  });

  test('a preset named as a shipped one, or a negative std, is an input error naming the file', () => {
    const refused = (protocol: unknown): unknown => {
      try {
        readProtocolFile(write([protocol]), 'p.json');
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const shipped = refused({ ...base, presets: [{ label: 're@nb201-paper', options: {}, source: 's' }] });
    expect(shipped instanceof CliError && shipped.kind === 'input' && /re@nb201-paper/.test(shipped.message)).toBe(true);
    const negative = refused({ ...base, reference: { source: 's', runs: 3, values: { rs: { m: { mean: 1, std: -1 } } } } });
    expect(negative instanceof CliError && /p\.json: 0\.reference\.values\.rs\.m\.std/.test(negative.message)).toBe(true);
  });
});
