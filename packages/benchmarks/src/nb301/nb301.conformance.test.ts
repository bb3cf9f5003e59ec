import { describeBenchmarkConformance } from '@jahskit/core/testing';
import { createNb301Benchmark } from './createNb301Benchmark';

const benchmark = createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1 });

describeBenchmarkConformance({ name: 'nb301', benchmark: () => benchmark, samples: 32 });
