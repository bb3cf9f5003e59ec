import { describeShippedConformance } from './describeShippedConformance';

// Slice 1 of the shipped plugins' conformance (the other half of the optimizers).
describeShippedConformance({ index: 1, of: 2 });
