import { describeShippedConformance } from './describeShippedConformance';

// Slice 0 of the shipped plugins' conformance (every space and benchmark, half the optimizers).
describeShippedConformance({ index: 0, of: 2 });
