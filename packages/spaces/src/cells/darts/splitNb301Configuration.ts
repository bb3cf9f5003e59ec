import type { Configuration, ParamValue } from '@jahskit/core';
import { NB301_FIDELITY } from './dartsSpace';

/** Splits a configuration of `nb301ConfigSpace()` into the architecture (of `dartsSpace()`) and the fidelity. */
export function splitNb301Configuration(config: Configuration): { config: Configuration; fidelity: Configuration } {
  const architecture: Record<string, ParamValue> = {};
  const fidelity: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(config)) {
    if (name === NB301_FIDELITY) fidelity[name] = value;
    else architecture[name] = value;
  }
  return { config: architecture, fidelity };
}

/** Joins an architecture of `dartsSpace()` and a fidelity `{epoch}` into a configuration of `nb301ConfigSpace()` (validate it there for canonical order). */
export function joinNb301Configuration(config: Configuration, fidelity: Configuration): Configuration {
  return { ...config, ...fidelity };
}
