import { fc, test } from '@fast-check/vitest';
import { EMPTY_SPACE, type Benchmark } from '@jahskit/core';
import { describe, expect } from 'vitest';
import { CliError } from '../commandLineError';
import { compileTask, protocolExpressionErrors } from './compileTask';

/** The names a task reports, and nothing else: compileTask reads no more of a benchmark. */
const benchmark: Benchmark = {
  id: 'toy',
  space: EMPTY_SPACE,
  fidelitySpace: EMPTY_SPACE,
  objectives: [{ name: 'valid_error', direction: 'minimize', cheap: false }],
  metrics: ['latency_s', 'size_MB'],
  supportsContinuation: false,
  evaluate: async (requests) => requests.map(() => ({ metrics: { valid_error: 10, latency_s: 0.01, size_MB: 3 }, cost: 1 })),
};
const FLAGS = { kind: 'usage', objective: '--objective', constraint: '--constraint' } as const;

describe('compileTask', () => {
  test('without expressions it is the benchmark itself (and loads no compiler)', async () => {
    expect(await compileTask(benchmark, {}, FLAGS)).toEqual({ benchmark, constraints: [] });
  });

  test('derived objectives replace the objectives; constraints may read them and every reported value', async () => {
    const task = await compileTask(
      benchmark,
      { objectives: ['maximize acc = 100 - valid_error'], constraints: ['acc >= 80', 'latency_s * 1000 <= 20'] },
      FLAGS,
    );
    expect(task.benchmark.objectives.map((o) => o.name)).toEqual(['acc']);
    expect(task.benchmark.metrics).toEqual(['valid_error', 'latency_s', 'size_MB']);
    const [evaluation] = await task.benchmark.evaluate([{ config: {}, fidelity: {}, seed: 0 }]);
    expect(task.constraints.map((c) => c.value(evaluation!.metrics))).toEqual([-10, -10]);
  });

  test('a bad expression is one line of the asked kind naming where it came from', async () => {
    const flagged = compileTask(benchmark, { constraints: ['size_mb <= 2'] }, FLAGS);
    await expect(flagged).rejects.toBeInstanceOf(CliError);
    await expect(flagged).rejects.toMatchObject({
      kind: 'usage',
      message: '--constraint "size_mb <= 2": unknown name "size_mb" (known: valid_error, latency_s, size_MB)',
    });
    const data = compileTask(benchmark, { objectives: ['latency_s = latency_s'] }, protocolExpressionErrors('mine'));
    await expect(data).rejects.toBeInstanceOf(CliError);
    await expect(data).rejects.toMatchObject({
      kind: 'input',
      message: 'protocol "mine": objective "latency_s = latency_s": "latency_s" is a value benchmark "toy" reports; give the derived objective another name',
    });
  });

  const token = fc.oneof(
    fc.constantFrom(
      'valid_error',
      'latency_s',
      'size_MB',
      'err',
      '<=',
      '<',
      '>=',
      '>',
      '=',
      '==',
      '+',
      '-',
      '*',
      '/',
      '^',
      '(',
      ')',
      ',',
      'log',
      'max',
      '0.02',
      '1e3',
      '"a"',
      '[1]',
      'maximize',
      ':',
      ';',
      '!',
      '?',
    ),
    fc.string({ maxLength: 6 }),
  );
  test.prop([fc.array(token, { maxLength: 8 }).map((t) => t.join(' ')), fc.boolean()], { numRuns: 200 })(
    'any text either compiles or is a usage error of one line naming the flag',
    async (text, asObjective) => {
      try {
        await compileTask(benchmark, asObjective ? { objectives: [text] } : { constraints: [text] }, FLAGS);
      } catch (error) {
        expect(CliError.is(error)).toBe(true);
        const e = error as CliError;
        expect(e.kind).toBe('usage');
        expect(e.message.startsWith(asObjective ? '--objective' : '--constraint')).toBe(true);
        expect(e.message).not.toContain('\n');
      }
    },
  );
});
