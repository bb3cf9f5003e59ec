import { ConfigurationSpace, ordinal } from '@jahskit/spaces';

/** The two recorded training lengths; the default is the highest, 200 epochs. */
export function nb201FidelitySpace(): ConfigurationSpace {
  return new ConfigurationSpace({ name: 'nb201-fidelity', parameters: [ordinal('epoch', [12, 200], { default: 200 })] });
}
