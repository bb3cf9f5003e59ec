import type { ParamValue } from '@jahskit/core';
import type { ValueSlots } from '../conditions/compileCondition';

/** Builds a configuration from values by parameter index: the defined ones, keys in parameter order. */
export type ConfigurationBuilder = (slots: ValueSlots) => Record<string, ParamValue>;

/**
 * The builder of a space's configurations, made once per space. Configurations are plain objects
 * (prototype Object.prototype, own keys in parameter order, inactive parameters absent), built by
 * a loop of keyed stores as before; only the empty object the loop starts from differs. V8 turns an
 * object into a slow dictionary-mode object once more than about a dozen properties beyond its
 * in-object slots are added by keyed stores; `{}` has four such slots, so every configuration with
 * more than 16 active parameters used to be a dictionary, which every consumer paid for (counting
 * the keys of one of NAS-Bench-301's 22-key configurations for the surrogate's row check cost ~0.8 us
 * on a dictionary, ~0.1 us on a fast-mode object). The start object is instead made by a constructor
 * whose body, never run, assigns one property per parameter: V8 sizes its instances for that many
 * in-object properties, so the keys stay fast properties. V8 trims that size to the most any of
 * its first few instances used, so a few instances with every key are built first: otherwise a
 * space whose first configurations are small would get dictionaries again for its large ones. Building got faster too (the build alone ~1.8x on the DARTS space):
 * adding a key to a fast-mode object follows an existing map transition, adding one to a dictionary
 * inserts into a hash table. Where code generation is not allowed (a Content-Security-Policy
 * without 'unsafe-eval') the loop starts from `{}`, as before.
 */
export function compileConfigurationBuilder(names: readonly string[]): ConfigurationBuilder {
  const start = startObject(names.length);
  const build: ConfigurationBuilder = (slots) => {
    const out = start();
    for (let i = 0; i < names.length; i++) {
      const v = slots[i];
      if (v !== undefined) out[names[i] as string] = v;
    }
    return out;
  };
  const full = names.map(() => 0);
  for (let i = 0; i < SIZING_INSTANCES; i++) build(full);
  return build;
}

/** More instances than V8 watches before it trims the constructor's instance size (7 in V8 11-13). */
const SIZING_INSTANCES = 16;

function startObject(size: number): () => Record<string, ParamValue> {
  try {
    const assignments = Array.from({ length: size }, (_, i) => `this.p${i} = 0;`).join(' ');
    const Shape = new Function('all', `if (all) { ${assignments} }`) as unknown as new (all: boolean) => Record<string, ParamValue>;
    Shape.prototype = Object.prototype;
    return () => new Shape(false);
  } catch {
    return () => ({});
  }
}
