import { describe, expect, test } from 'vitest';
import { CliError } from '../commandLineError';
import { optimizerIdOf, parseOptimizerVariant } from './optimizerVariant';

describe('parseOptimizerVariant', () => {
  test('a pruned optimizer id (base+rule) and its variants', () => {
    expect(parseOptimizerVariant('tpe+median')).toEqual({ label: 'tpe+median', id: 'tpe+median' });
    expect(parseOptimizerVariant('tpe+sha@eta4')).toEqual({ label: 'tpe+sha@eta4', id: 'tpe+sha', variant: 'eta4' });
    expect(optimizerIdOf('tpe+sha@eta4')).toBe('tpe+sha');
  });

  test('an entry that is no id is a usage error', () => {
    for (const bad of ['+tpe', 'tpe@', 're@a+b', 'a b']) {
      let error: unknown;
      try {
        parseOptimizerVariant(bad);
      } catch (e) {
        error = e;
      }
      expect(error instanceof CliError && error.kind === 'usage', bad).toBe(true);
    }
  });
});
