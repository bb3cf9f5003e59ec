import { ConfigurationSpace, ordinal } from '@jahskit/spaces';

/** The legal training lengths: epochs 1..12 of the 12-epoch runs, and 200 (the API's 200-epoch value). */
export const NASHPOBENCH2_EPOCHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 200] as const;

/** The fidelity: epochs 1..12 of the 12-epoch runs, and 200 (the API's 200-epoch value); default 200. */
export function nashpobench2FidelitySpace(): ConfigurationSpace {
  return new ConfigurationSpace({ name: 'nashpobench2-fidelity', parameters: [ordinal('epoch', NASHPOBENCH2_EPOCHS, { default: 200 })] });
}
