import type { Configuration, ParameterSpec, ParamValue, Rng, SearchSpace } from '@jahskit/core';
import type { Condition } from '../conditions/Condition';
import { compileCondition, type ActivityCheck, type ParameterResolver } from '../conditions/compileCondition';
import { conditionParents } from '../conditions/conditionParents';
import { describeCondition } from '../conditions/describeCondition';
import { SpaceError } from '../errors/SpaceError';
import { formatList, formatValue } from '../errors/formatValue';
import { compileForbidden, type ForbiddenCheck } from '../forbiddens/compileForbidden';
import { describeForbidden } from '../forbiddens/describeForbidden';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import { forbiddenParameters } from '../forbiddens/forbiddenParameters';
import { ConstantHyperparameter } from '../hyperparameters/ConstantHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { hyperparameterFromSpec } from '../hyperparameters/hyperparameterFromSpec';
import { compileConfigurationBuilder, type ConfigurationBuilder } from './compileConfigurationBuilder';

export interface ConfigurationSpaceDefinition {
  /** Optional name, written to ConfigSpace JSON. */
  readonly name?: string;
  /** Parameters in canonical order: built with the factories (`categorical`, `float`, ...) or core specs. */
  readonly parameters: readonly (Hyperparameter | ParameterSpec)[];
  /** At most one condition per child (combine several with `andConditions` / `orConditions`). */
  readonly conditions?: readonly Condition[];
  readonly forbiddens?: readonly ForbiddenClause[];
  /** Draws per `sample` before giving up on a space whose forbidden clauses reject most configurations (default 10,000). */
  readonly maxSampleAttempts?: number;
}

type Slots = (ParamValue | undefined)[];

const DEFAULT_NEIGHBOURS = 4;

function isHyperparameter(p: Hyperparameter | ParameterSpec): p is Hyperparameter {
  return typeof (p as Hyperparameter).sample === 'function';
}

/**
 * A ConfigSpace-style search space: typed hyperparameters, conditions (a child is active iff its
 * condition holds on active parents) and forbidden clauses. Implements core's {@link SearchSpace}.
 *
 * Configurations are plain objects with keys in definition order and inactive parameters absent.
 * They are not frozen (Object.freeze would add about 15% to `sample`); treat them as read-only.
 */
export class ConfigurationSpace implements SearchSpace {
  readonly name: string | undefined;
  /** Core specs in canonical (definition) order. */
  readonly parameters: readonly ParameterSpec[];
  readonly hyperparameters: readonly Hyperparameter[];
  readonly names: readonly string[];
  readonly conditions: readonly Condition[];
  readonly forbiddens: readonly ForbiddenClause[];
  /** Length of {@link encodeOneHot}'s vector. */
  readonly oneHotDimension: number;
  /** Start of each parameter's block in the one-hot vector (definition order). */
  readonly oneHotOffsets: readonly number[];

  private readonly size: number;
  private readonly indexByName: Map<string, number>;
  /** Parameter indices in topological order (parents before children; definition order otherwise). */
  private readonly order: Int32Array;
  private readonly checks: (ActivityCheck | undefined)[];
  private readonly conditionOf: (Condition | undefined)[];
  private readonly forbiddenChecks: ForbiddenCheck[];
  private readonly constantIndex: (ParamValue | undefined)[];
  private readonly maxSampleAttempts: number;
  private readonly slots: Slots;
  private readonly builder: ConfigurationBuilder;
  /** Scratch for `validate`'s raw input values, by parameter index. */
  private readonly input: unknown[];
  private defaults: Configuration | undefined;

  constructor(definition: ConfigurationSpaceDefinition) {
    if (typeof definition !== 'object' || definition === null || !Array.isArray(definition.parameters)) {
      throw new SpaceError('invalid-definition', { parameter: '(space)', problem: 'a space needs {parameters: [...]}' });
    }
    this.name = definition.name;
    const hps = definition.parameters.map((p) => (isHyperparameter(p) ? p : hyperparameterFromSpec(p)));
    this.hyperparameters = Object.freeze(hps);
    this.parameters = Object.freeze(hps.map((h) => h.spec));
    this.names = Object.freeze(hps.map((h) => h.name));
    this.size = hps.length;
    this.indexByName = new Map();
    hps.forEach((h, i) => {
      if (this.indexByName.has(h.name)) {
        throw new SpaceError('invalid-definition', { parameter: h.name, problem: 'two parameters have this name' });
      }
      this.indexByName.set(h.name, i);
    });
    const resolve: ParameterResolver = (name) => {
      const index = this.indexByName.get(name);
      return index === undefined ? undefined : { index, hyperparameter: hps[index] as Hyperparameter };
    };

    // Conditions: one per child, compiled to closures over value slots.
    this.conditions = Object.freeze([...(definition.conditions ?? [])]);
    this.checks = new Array<ActivityCheck | undefined>(this.size).fill(undefined);
    this.conditionOf = new Array<Condition | undefined>(this.size).fill(undefined);
    const parentsOf: number[][] = hps.map(() => []);
    for (const condition of this.conditions) {
      const child = this.indexByName.get(condition?.child);
      if (child === undefined) {
        throw new SpaceError('invalid-definition', {
          parameter: String(condition?.child),
          problem: 'a condition has this unknown child',
          allowed: formatList(this.names),
        });
      }
      if (this.conditionOf[child] !== undefined) {
        throw new SpaceError('invalid-definition', {
          parameter: condition.child,
          problem: 'has two conditions; combine them into one with andConditions(...) or orConditions(...)',
        });
      }
      this.checks[child] = compileCondition(condition, resolve);
      this.conditionOf[child] = condition;
      parentsOf[child] = conditionParents(condition).map((p) => this.indexByName.get(p) as number);
    }
    this.order = topologicalOrder(parentsOf, this.names);

    this.forbiddens = Object.freeze([...(definition.forbiddens ?? [])]);
    this.forbiddenChecks = this.forbiddens.map((f) => compileForbidden(f, resolve));

    this.constantIndex = hps.map((h) => (h instanceof ConstantHyperparameter ? h.value : undefined));
    this.maxSampleAttempts = definition.maxSampleAttempts ?? 10_000;
    this.slots = new Array<ParamValue | undefined>(this.size).fill(undefined);
    this.builder = compileConfigurationBuilder(this.names);
    this.input = new Array<unknown>(this.size).fill(undefined);
    const offsets: number[] = [];
    let dimension = 0;
    for (const h of hps) {
      offsets.push(dimension);
      dimension += h.oneHotSize;
    }
    this.oneHotDimension = dimension;
    this.oneHotOffsets = Object.freeze(offsets);
  }

  /** The hyperparameter called `name`; throws 'unknown-parameter' listing the known names. */
  get(name: string): Hyperparameter {
    const index = this.indexByName.get(name);
    if (index === undefined) throw this.unknown(name);
    return this.hyperparameters[index] as Hyperparameter;
  }

  has(name: string): boolean {
    return this.indexByName.has(name);
  }

  /** Position of `name` in the canonical order (= in `encode` vectors); throws when unknown. */
  indexOf(name: string): number {
    const index = this.indexByName.get(name);
    if (index === undefined) throw this.unknown(name);
    return index;
  }

  /** The condition of `name`, or undefined when it is unconditional. */
  conditionFor(name: string): Condition | undefined {
    return this.conditionOf[this.indexOf(name)];
  }

  /** Names of the parameters in topological order (parents before children). */
  get topologicalOrder(): readonly string[] {
    return Array.from(this.order, (i) => this.names[i] as string);
  }

  // ---------------------------------------------------------------- sampling

  sample(rng: Rng): Configuration {
    const slots = this.slots;
    const hps = this.hyperparameters;
    const checks = this.checks;
    const order = this.order;
    const n = this.size;
    for (let attempt = 0; attempt < this.maxSampleAttempts; attempt++) {
      for (let k = 0; k < n; k++) {
        const i = order[k] as number;
        const check = checks[i];
        slots[i] = check === undefined || check(slots) ? (hps[i] as Hyperparameter).sample(rng) : undefined;
      }
      if (this.forbiddenChecks.length === 0 || this.matchingForbidden(slots) < 0) return this.build(slots);
    }
    throw new SpaceError('forbidden', {
      parameter: this.forbiddens.length > 0 ? (forbiddenParameters(this.forbiddens[0] as ForbiddenClause)[0] ?? '(space)') : '(space)',
      problem: `no configuration outside the forbidden clauses was drawn in ${this.maxSampleAttempts} attempts`,
    });
  }

  /** `n` independent samples. */
  sampleMany(rng: Rng, n: number): Configuration[] {
    const out: Configuration[] = new Array<Configuration>(n);
    for (let i = 0; i < n; i++) out[i] = this.sample(rng);
    return out;
  }

  // ---------------------------------------------------------------- validation

  /**
   * Returns `config` in canonical form (keys in definition order, values canonical) or throws a
   * {@link SpaceError} naming the offending parameter. A missing active constant is filled in
   * (constants carry no information), every other active parameter is required. When `config` is
   * already canonical it is returned as is (no copy), otherwise a new object is returned.
   */
  validate(config: unknown): Configuration {
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      throw new SpaceError('wrong-type', {
        parameter: '(root)',
        problem: `a configuration must be a plain object, got ${Array.isArray(config) ? 'an array' : formatValue(config)}`,
        allowed: `objects with keys among ${formatList(this.names)}`,
      });
    }
    const c = config as Record<string, unknown>;
    // Pass 1: read the keys the object has (for-in reads are fast on any object shape, unlike
    // lookups by a varying name), rejecting unknown names and noting whether the order is canonical.
    const input = this.input;
    input.fill(undefined);
    const indexByName = this.indexByName;
    let canonical = true;
    let last = -1;
    for (const key in c) {
      const i = indexByName.get(key);
      if (i === undefined) {
        if (Object.hasOwn(c, key)) throw this.unknown(key);
        continue;
      }
      const v = c[key];
      if (v === undefined) {
        canonical = false;
        continue;
      }
      input[i] = v;
      if (i < last) canonical = false;
      last = i;
    }
    // Pass 2: activity and legality in topological order.
    const slots = this.slots;
    const hps = this.hyperparameters;
    const checks = this.checks;
    const order = this.order;
    const n = this.size;
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const v = input[i];
      const check = checks[i];
      if (check === undefined || check(slots)) {
        const hp = hps[i] as Hyperparameter;
        if (v === undefined) {
          const fill = this.constantIndex[i];
          if (fill === undefined) {
            throw new SpaceError('missing-parameter', { parameter: hp.name, problem: 'is active but has no value', allowed: hp.allowed });
          }
          slots[i] = fill;
          canonical = false;
        } else if (hp.isLegal(v)) {
          slots[i] = v as ParamValue;
        } else {
          slots[i] = hp.canonicalize(v);
          canonical = false;
        }
      } else {
        if (v !== undefined) {
          throw new SpaceError('inactive-parameter', {
            parameter: this.names[i] as string,
            problem: `is set to ${formatValue(v)} but inactive: its condition ${describeCondition(this.conditionOf[i] as Condition)} does not hold`,
            allowed: 'no value (leave it out)',
          });
        }
        slots[i] = undefined;
      }
    }
    if (this.forbiddenChecks.length > 0) this.throwIfForbidden(slots);
    // Already canonical (keys in definition order, canonical values): return the object itself.
    if (canonical) return c as Configuration;
    return this.build(slots);
  }

  /** Whether `name` is active in `config`: its condition holds on `config`'s values and its parents are active. */
  isActive(name: string, config: Configuration): boolean {
    const target = this.indexOf(name);
    return this.activity(config)[target] === 1;
  }

  /** Fills the slots with `config`'s values of active parameters and returns the active mask. */
  private activity(config: Configuration): Uint8Array {
    const slots = this.slots;
    const mask = new Uint8Array(this.size);
    for (let k = 0; k < this.size; k++) {
      const i = this.order[k] as number;
      const check = this.checks[i];
      const active = check === undefined || check(slots);
      mask[i] = active ? 1 : 0;
      slots[i] = active ? config[this.names[i] as string] : undefined;
    }
    return mask;
  }

  // ---------------------------------------------------------------- vectors

  /** ConfigSpace vector: index for categorical/ordinal, [0, 1] for numbers, 0 for constants, NaN when inactive. */
  encode(config: Configuration): Float64Array {
    const out = new Float64Array(this.size).fill(Number.NaN);
    for (const key in config) {
      const i = this.indexByName.get(key);
      if (i === undefined) throw this.unknown(key);
      const v = config[key];
      if (v !== undefined) out[i] = (this.hyperparameters[i] as Hyperparameter).encode(v);
    }
    return out;
  }

  /**
   * Inverse of {@link encode}. Entries of inactive parameters are ignored; indices are rounded and
   * clamped, numbers clamped to [0, 1], so any finite vector decodes to a configuration. Throws
   * 'missing-parameter' for a NaN entry of an active parameter and 'forbidden' for a forbidden result.
   */
  decode(vector: ArrayLike<number>): Configuration {
    if (vector.length !== this.size) {
      throw new SpaceError('wrong-type', {
        parameter: '(vector)',
        problem: `a vector of length ${vector.length} was given`,
        allowed: `vectors of length ${this.size}`,
      });
    }
    const slots = this.slots;
    for (let k = 0; k < this.size; k++) {
      const i = this.order[k] as number;
      const check = this.checks[i];
      if (check === undefined || check(slots)) {
        const x = vector[i] as number;
        const hp = this.hyperparameters[i] as Hyperparameter;
        if (Number.isNaN(x)) {
          throw new SpaceError('missing-parameter', { parameter: hp.name, problem: 'is active but its vector entry is NaN', allowed: 'a finite number' });
        }
        slots[i] = hp.decode(x);
      } else {
        slots[i] = undefined;
      }
    }
    if (this.forbiddenChecks.length > 0) this.throwIfForbidden(slots);
    return this.build(slots);
  }

  /**
   * One-hot encoding: categorical and ordinal parameters take one slot per value, numbers one slot
   * with the normalised value, constants one slot set to 1; an inactive parameter's slots are all zero.
   */
  encodeOneHot(config: Configuration): Float64Array {
    const out = new Float64Array(this.oneHotDimension);
    for (const key in config) {
      const i = this.indexByName.get(key);
      if (i === undefined) throw this.unknown(key);
      const v = config[key];
      if (v !== undefined) (this.hyperparameters[i] as Hyperparameter).writeOneHot(v, out, this.oneHotOffsets[i] as number);
    }
    return out;
  }

  // ---------------------------------------------------------------- local moves

  /**
   * Legal configurations that differ from `config` in one parameter, in definition order of the
   * changed parameter. When the change activates a conditional parameter it gets its default; when
   * it deactivates one, that one is dropped. Forbidden results are left out.
   */
  neighbours(config: Configuration, rng: Rng, count: number = DEFAULT_NEIGHBOURS): Configuration[] {
    const base = this.validate(config);
    const out: Configuration[] = [];
    for (let i = 0; i < this.size; i++) {
      const hp = this.hyperparameters[i] as Hyperparameter;
      const v = base[hp.name];
      if (v === undefined || hp.type === 'constant') continue;
      for (const candidate of hp.neighbours(v, rng, count)) {
        const next = this.withValue(base, i, candidate);
        if (next !== undefined) out.push(next);
      }
    }
    return out;
  }

  /**
   * A random neighbour: one active, non-constant parameter changed by its `mutate` (children fixed
   * up as in {@link neighbours}). Returns `config` unchanged when no parameter can move.
   */
  mutate(config: Configuration, rng: Rng): Configuration {
    const base = this.validate(config);
    const movable: number[] = [];
    for (let i = 0; i < this.size; i++) {
      const hp = this.hyperparameters[i] as Hyperparameter;
      if (base[hp.name] !== undefined && hp.type !== 'constant') movable.push(i);
    }
    for (let attempt = 0; attempt < 100 && movable.length > 0; attempt++) {
      const i = movable[rng.index(movable.length)] as number;
      const hp = this.hyperparameters[i] as Hyperparameter;
      const current = base[hp.name] as ParamValue;
      const value = hp.mutate(current, rng);
      if (value === current) continue;
      const next = this.withValue(base, i, value);
      if (next !== undefined) return next;
    }
    return base;
  }

  /** `base` with parameter `index` set to `value` and activity fixed up; undefined when forbidden. */
  private withValue(base: Configuration, index: number, value: ParamValue): Configuration | undefined {
    const slots = this.slots;
    for (let k = 0; k < this.size; k++) {
      const i = this.order[k] as number;
      const check = this.checks[i];
      if (check === undefined || check(slots)) {
        const hp = this.hyperparameters[i] as Hyperparameter;
        slots[i] = i === index ? value : (base[hp.name] ?? hp.default);
      } else {
        slots[i] = undefined;
      }
    }
    if (this.forbiddenChecks.length > 0 && this.matchingForbidden(slots) >= 0) return undefined;
    return this.build(slots);
  }

  /** The configuration of defaults; throws 'forbidden' when it matches a forbidden clause. */
  defaultConfiguration(): Configuration {
    if (this.defaults !== undefined) return this.defaults;
    const slots = this.slots;
    for (let k = 0; k < this.size; k++) {
      const i = this.order[k] as number;
      const check = this.checks[i];
      slots[i] = check === undefined || check(slots) ? (this.hyperparameters[i] as Hyperparameter).default : undefined;
    }
    this.throwIfForbidden(slots);
    this.defaults = Object.freeze(this.build(slots));
    return this.defaults;
  }

  // ---------------------------------------------------------------- subspaces

  /**
   * The space in which each parameter of `fixed` is a constant with the given value (checked
   * first). Conditions and forbidden clauses are kept, so its configurations are legal here. A
   * fixed parameter that is inactive in a configuration is still left out of it.
   */
  restrict(fixed: Configuration): ConfigurationSpace {
    if (typeof fixed !== 'object' || fixed === null || Array.isArray(fixed)) {
      throw new SpaceError('wrong-type', { parameter: '(fixed)', problem: 'restrict() needs an object of fixed values' });
    }
    const values = new Map<string, ParamValue>();
    for (const [name, value] of Object.entries(fixed)) {
      const hp = this.get(name);
      values.set(name, hp.canonicalize(value));
    }
    const parameters = this.hyperparameters.map((hp) => {
      const value = values.get(hp.name);
      if (value === undefined) return hp;
      const origin = hp instanceof ConstantHyperparameter ? (hp.origin ?? hp) : hp;
      return new ConstantHyperparameter(hp.name, value, { origin, ...(hp.meta === undefined ? {} : { meta: hp.meta }) });
    });
    return new ConfigurationSpace({
      ...(this.name === undefined ? {} : { name: this.name }),
      parameters,
      conditions: this.conditions,
      forbiddens: this.forbiddens,
      maxSampleAttempts: this.maxSampleAttempts,
    });
  }

  /** A space with the named parameters removed (with the conditions and forbidden clauses that mention them). */
  without(names: readonly string[]): ConfigurationSpace {
    const drop = new Set(names);
    for (const name of drop) this.get(name);
    const mentions = (c: Condition): boolean => drop.has(c.child) || conditionParents(c).some((p) => drop.has(p));
    return new ConfigurationSpace({
      ...(this.name === undefined ? {} : { name: this.name }),
      parameters: this.hyperparameters.filter((h) => !drop.has(h.name)),
      conditions: this.conditions.filter((c) => !mentions(c)),
      forbiddens: this.forbiddens.filter((f) => !forbiddenParameters(f).some((p) => drop.has(p))),
      maxSampleAttempts: this.maxSampleAttempts,
    });
  }

  /** The forbidden clause `config` matches, or undefined (for a configuration of this space). */
  forbiddenClauseOf(config: Configuration): ForbiddenClause | undefined {
    for (let i = 0; i < this.size; i++) this.slots[i] = config[this.names[i] as string];
    const index = this.matchingForbidden(this.slots);
    return index < 0 ? undefined : this.forbiddens[index];
  }

  // ---------------------------------------------------------------- internals

  private build(slots: Slots): Record<string, ParamValue> {
    return this.builder(slots);
  }

  private matchingForbidden(slots: Slots): number {
    const checks = this.forbiddenChecks;
    for (let f = 0; f < checks.length; f++) if ((checks[f] as ForbiddenCheck)(slots)) return f;
    return -1;
  }

  private throwIfForbidden(slots: Slots): void {
    const f = this.matchingForbidden(slots);
    if (f < 0) return;
    const clause = this.forbiddens[f] as ForbiddenClause;
    throw new SpaceError('forbidden', {
      parameter: forbiddenParameters(clause)[0] ?? '(forbidden)',
      problem: `the configuration matches the forbidden clause ${describeForbidden(clause)}`,
      allowed: 'configurations outside the forbidden clauses',
    });
  }

  private unknown(name: string): SpaceError {
    return new SpaceError('unknown-parameter', {
      parameter: name,
      problem: 'is not a parameter of this space',
      allowed: formatList(this.names, 40),
    });
  }
}

/** Kahn's algorithm, always taking the lowest ready index (so a space defined parents-first keeps its order). */
function topologicalOrder(parentsOf: readonly number[][], names: readonly string[]): Int32Array {
  const n = parentsOf.length;
  const children: number[][] = parentsOf.map(() => []);
  const pending = new Int32Array(n);
  parentsOf.forEach((parents, child) => {
    pending[child] = parents.length;
    for (const p of parents) (children[p] as number[]).push(child);
  });
  const order = new Int32Array(n);
  const done = new Uint8Array(n);
  let filled = 0;
  // Small spaces: an O(n^2) scan for the lowest ready index is simpler than a heap and fast enough.
  while (filled < n) {
    let next = -1;
    for (let i = 0; i < n; i++) {
      if (done[i] === 0 && pending[i] === 0) {
        next = i;
        break;
      }
    }
    if (next < 0) {
      const cycle = findCycle(parentsOf, done);
      throw new SpaceError('cyclic-condition', {
        parameter: names[cycle[0] as number] as string,
        problem: `conditions form a cycle: ${cycle.map((i) => names[i]).join(' -> ')}`,
        allowed: 'acyclic conditions',
      });
    }
    done[next] = 1;
    order[filled++] = next;
    for (const c of children[next] as number[]) pending[c] = (pending[c] as number) - 1;
  }
  return order;
}

/** A cycle among the not-yet-ordered nodes, as a list of indices parent -> ... -> parent. */
function findCycle(parentsOf: readonly number[][], done: Uint8Array): number[] {
  const start = done.findIndex((d) => d === 0);
  const path: number[] = [];
  const seenAt = new Map<number, number>();
  let node = start;
  while (!seenAt.has(node)) {
    seenAt.set(node, path.length);
    path.push(node);
    node = (parentsOf[node] as number[]).find((p) => done[p] === 0) as number;
  }
  // path walks child -> parent; reverse so that it reads parent -> child.
  const cycle = path.slice(seenAt.get(node));
  cycle.push(node);
  return cycle.reverse();
}
