import { ConfigurationSpace, integer, ordinal } from '@jahskit/spaces';

/** The two recorded training lengths; the default is the highest, 200 epochs. */
export function nb201FidelitySpace(): ConfigurationSpace {
  return new ConfigurationSpace({ name: 'nb201-fidelity', parameters: [ordinal('epoch', [12, 200], { default: 200 })] });
}

/**
 * A budget in epochs from 12 to 200 that answers nothing by itself (see `nominalEpochs`): integer, so
 * that a geometric ladder (22, 67, 200 at eta 3) keeps every rung; default the highest.
 */
export function nb201NominalFidelitySpace(): ConfigurationSpace {
  return new ConfigurationSpace({ name: 'nb201-nominal-fidelity', parameters: [integer('epoch', 12, 200, { default: 200 })] });
}
