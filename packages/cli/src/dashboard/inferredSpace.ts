import type { Configuration, ParameterSpec, ParamValue, SearchSpace } from '@jahskit/core';

/**
 * A space read off the trials, for when the benchmark's own cannot be loaded: a parameter whose
 * values are all numbers is a float on the range the trials cover (linear: the trials cannot tell a
 * log scale), any other a categorical of the values seen. A value missing from a trial is inactive.
 */
export function inferredSpace(configs: readonly Configuration[]): Pick<SearchSpace, 'parameters' | 'encode'> {
  const names = [...new Set(configs.flatMap((c) => Object.keys(c)))];
  const parameters: ParameterSpec[] = names.map((name) => {
    const values = configs.map((c) => c[name]).filter((v): v is ParamValue => v !== undefined);
    if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const numbers = values as number[];
      const lower = Math.min(...numbers);
      const upper = Math.max(...numbers);
      return lower === upper ? { type: 'constant', name, value: lower, default: lower } : { type: 'float', name, lower, upper, log: false, default: lower };
    }
    const choices = [...new Set(values.map((v) => JSON.stringify(v)))].sort().map((v) => JSON.parse(v) as ParamValue);
    return { type: 'categorical', name, choices, default: choices[0] as ParamValue };
  });
  const index = parameters.map((p) => (p.type === 'categorical' ? new Map(p.choices.map((c, i) => [JSON.stringify(c), i])) : undefined));
  return {
    parameters,
    encode(config) {
      return Float64Array.from(parameters, (p, i) => {
        const v = config[p.name];
        if (v === undefined) return Number.NaN;
        if (p.type === 'float') return ((v as number) - p.lower) / (p.upper - p.lower);
        if (p.type === 'categorical') return index[i]!.get(JSON.stringify(v)) ?? Number.NaN;
        return 0;
      });
    },
  };
}
