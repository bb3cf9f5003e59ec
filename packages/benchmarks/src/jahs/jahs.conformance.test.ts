import { describeBenchmarkConformance } from '@jahskit/core/testing';
import { createJahsBenchmark } from './createJahsBenchmark';

for (const variant of ['joint', 'nas', 'hpo'] as const) {
  const benchmark = createJahsBenchmark({ objectives: ['valid_error', 'latency'], variant, intraOpNumThreads: 1 });
  describeBenchmarkConformance({ name: `jahs (${variant})`, benchmark: () => benchmark, samples: 32 });
}
