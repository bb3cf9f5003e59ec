import type { Benchmark, Evaluation } from '../benchmark/Benchmark';
import type { Objective } from '../benchmark/Objective';
import { CoreError } from '../errors/CoreError';
import type { Configuration } from '../space/Configuration';
import type { DerivedObjective } from './DerivedObjective';

/**
 * The benchmark whose task is to optimise `derived` ("err = valid_error", "acc = 100 - valid_error"):
 * its objectives are the derived ones, and the benchmark's own objectives become metrics, so that
 * constraints and reports can still read them. Every evaluation reports the derived values beside
 * the benchmark's. A derived objective that reads only cheap metrics (those `cheapMetrics` gives:
 * parameters, FLOPs) is cheap too and `cheapMetrics` computes it, so that MS-EHVI and the pre-training
 * constraint check see it without training.
 *
 * The known optimum is dropped: it is stated for the benchmark's own objectives, not the derived ones.
 */
export function withDerivedObjectives(benchmark: Benchmark, derived: readonly DerivedObjective[]): Benchmark {
  if (derived.length === 0) throw new CoreError('invalid-argument', 'derived objectives: give at least one', { parameter: 'objective' });
  const reported = [...benchmark.objectives.map((o) => o.name), ...benchmark.metrics];
  const names = new Set<string>();
  for (const d of derived) {
    if (reported.includes(d.name)) {
      throw new CoreError(
        'invalid-argument',
        `objective "${d.expression}": "${d.name}" is a value benchmark "${benchmark.id}" reports; give the derived objective another name`,
        {
          parameter: 'objective',
          allowed: `a name other than ${reported.join(', ')}`,
        },
      );
    }
    if (names.has(d.name)) throw new CoreError('invalid-argument', `objective "${d.name}" is defined twice`, { parameter: 'objective' });
    names.add(d.name);
    const unknown = d.uses.find((name) => !reported.includes(name));
    if (unknown !== undefined) {
      throw new CoreError('invalid-argument', `objective "${d.expression}": unknown name "${unknown}" (known: ${reported.join(', ')})`, {
        parameter: 'objective',
        allowed: reported.join(', '),
      });
    }
  }
  const innerCheap = benchmark.cheapMetrics?.bind(benchmark);
  const cheapNames = new Set(innerCheap === undefined ? [] : Object.keys(innerCheap(benchmark.space.defaultConfiguration())));
  const isCheap = (d: DerivedObjective): boolean => d.uses.every((name) => cheapNames.has(name));
  const cheapDerived = derived.filter(isCheap);
  const objectives = derived.map((d): Objective => ({ name: d.name, direction: d.direction, cheap: isCheap(d), description: d.expression }));

  /** The reported values plus every derived value that can be computed from them. */
  const withValues = (metrics: Readonly<Record<string, number>>, among: readonly DerivedObjective[]): Record<string, number> => {
    const out: Record<string, number> = { ...metrics };
    for (const d of among) {
      // A failed evaluation may lack what a derived objective reads: it then has no value, not NaN.
      if (d.uses.every((name) => typeof metrics[name] === 'number')) out[d.name] = d.value(metrics);
    }
    return out;
  };

  const wrapped: Benchmark = {
    id: benchmark.id,
    space: benchmark.space,
    fidelitySpace: benchmark.fidelitySpace,
    objectives,
    metrics: reported,
    supportsContinuation: benchmark.supportsContinuation,
    async evaluate(requests) {
      const evaluations = await benchmark.evaluate(requests);
      return evaluations.map((e): Evaluation => ({ ...e, metrics: withValues(e.metrics, derived) }));
    },
    ...(benchmark.parseConfig !== undefined ? { parseConfig: benchmark.parseConfig.bind(benchmark) } : {}),
    ...(innerCheap !== undefined ? { cheapMetrics: (config: Configuration) => withValues(innerCheap(config), cheapDerived) } : {}),
    ...(benchmark.close !== undefined ? { close: benchmark.close.bind(benchmark) } : {}),
  };
  return wrapped;
}
