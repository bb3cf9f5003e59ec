import { Rng, type ParamValue } from '@jahskit/core';
import type { Condition } from '../conditions/Condition';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { ConstantHyperparameter } from '../hyperparameters/ConstantHyperparameter';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { IntegerHyperparameter } from '../hyperparameters/IntegerHyperparameter';
import { OrdinalHyperparameter } from '../hyperparameters/OrdinalHyperparameter';
import { ConfigurationSpace } from './ConfigurationSpace';

/** A small hand-written space with every type, conditions of every kind and forbidden clauses. */
export function exampleSpace(): ConfigurationSpace {
  return new ConfigurationSpace({
    name: 'example',
    parameters: [
      new CategoricalHyperparameter('optimizer', ['sgd', 'adam', 'rmsprop'], { weights: [2, 1, 1] }),
      new FloatHyperparameter('lr', 1e-4, 1, { log: true }),
      new FloatHyperparameter('momentum', 0, 0.99, { q: 0.01, default: 0.9 }),
      new OrdinalHyperparameter('batch_size', [16, 32, 64, 128]),
      new IntegerHyperparameter('layers', 1, 16, { log: true }),
      new IntegerHyperparameter('units', 8, 512),
      new CategoricalHyperparameter('use_dropout', [true, false]),
      new FloatHyperparameter('dropout', 0, 0.8, { default: 0.1 }),
      new ConstantHyperparameter('loss', 'xent'),
      new IntegerHyperparameter('beta_steps', 0, 10),
      new OrdinalHyperparameter('depth_mult', [0.5, 1, 2]),
    ],
    conditions: [
      { type: 'IN', child: 'momentum', parent: 'optimizer', values: ['sgd', 'rmsprop'] },
      { type: 'GT', child: 'units', parent: 'layers', value: 1 },
      { type: 'EQ', child: 'dropout', parent: 'use_dropout', value: true },
      {
        type: 'AND',
        child: 'beta_steps',
        conditions: [
          { type: 'NEQ', child: 'beta_steps', parent: 'optimizer', value: 'sgd' },
          { type: 'LT', child: 'beta_steps', parent: 'batch_size', value: 128 },
        ],
      },
      {
        type: 'OR',
        child: 'depth_mult',
        conditions: [
          { type: 'EQ', child: 'depth_mult', parent: 'use_dropout', value: false },
          { type: 'GT', child: 'depth_mult', parent: 'units', value: 256 },
        ],
      },
    ],
    forbiddens: [
      {
        type: 'AND',
        clauses: [
          { type: 'EQUALS', name: 'optimizer', value: 'adam' },
          { type: 'IN', name: 'batch_size', values: [16] },
        ],
      },
      { type: 'RELATION', relation: 'LESS', left: 'units', right: 'layers' },
    ],
  });
}

/** Values of `hp` to use in random conditions and clauses (drawn, so legal): some choices, or `numericDraws` distinct samples. */
export function someValues(hp: Hyperparameter, rng: Rng, numericDraws = 1): ParamValue[] {
  const spec = hp.spec;
  switch (spec.type) {
    case 'categorical':
      return rng.shuffle([...spec.choices]).slice(0, 1 + rng.index(spec.choices.length));
    case 'ordinal':
      return rng.shuffle([...spec.sequence]).slice(0, 1 + rng.index(spec.sequence.length));
    case 'constant':
      return [spec.value];
    default:
      return Array.from({ length: numericDraws }, () => hp.sample(rng)).filter((v, i, all) => all.indexOf(v) === i);
  }
}

/** A random EQ, NEQ or IN condition of `child` on `parent` with `values` (LT and GT too when the parent is ordered). */
export function randomSimpleCondition(child: string, parent: Hyperparameter, values: ParamValue[], rng: Rng): Condition {
  const ordered = parent.type !== 'categorical' && parent.type !== 'constant';
  const kind = rng.index(ordered ? 5 : 3);
  const value = values[0] as ParamValue;
  if (kind === 0) return { type: 'EQ', child, parent: parent.name, value };
  if (kind === 1) return { type: 'NEQ', child, parent: parent.name, value };
  if (kind === 2) return { type: 'IN', child, parent: parent.name, values };
  return { type: kind === 3 ? 'LT' : 'GT', child, parent: parent.name, value };
}

/** An integer parameter with random bounds, on a log scale three times in ten. */
export function randomInteger(name: string, rng: Rng): IntegerHyperparameter {
  const log = rng.bernoulli(0.3);
  const lower = log ? rng.integer(1, 20) : rng.integer(-20, 20);
  return new IntegerHyperparameter(name, lower, lower + rng.integer(1, 100), { log });
}

/**
 * A random space for property tests, built deterministically from `seed`: 1-7 parameters of every
 * type, conditions only on earlier parameters (so acyclic), some AND/OR, and forbidden clauses that
 * never match the default configuration.
 */
export function randomSpace(seed: number): ConfigurationSpace {
  const rng = Rng.seeded(seed >>> 0);
  const n = rng.integer(1, 7);
  const hps: Hyperparameter[] = [];
  const pool: ParamValue[] = ['a', 'b', 'c', 'd', 0, 1, 2, 3.5, true, false];
  for (let i = 0; i < n; i++) {
    const name = `p${i}`;
    const kind = rng.index(5);
    if (kind === 0) {
      const choices = rng.shuffle([...pool]).slice(0, rng.integer(1, 5));
      const weights = rng.bernoulli(0.3) ? choices.map(() => rng.integer(1, 5)) : undefined;
      hps.push(new CategoricalHyperparameter(name, choices, weights === undefined ? {} : { weights }));
    } else if (kind === 1) {
      hps.push(new OrdinalHyperparameter(name, rng.shuffle([...pool]).slice(0, rng.integer(1, 5))));
    } else if (kind === 2) {
      hps.push(new ConstantHyperparameter(name, rng.pick(pool)));
    } else if (kind === 3) {
      hps.push(randomInteger(name, rng));
    } else {
      const log = rng.bernoulli(0.3);
      const lower = log ? rng.integer(1, 100) / 100 : rng.integer(-100, 100) / 10;
      const width = rng.integer(1, 100) / 10;
      const q = !log && rng.bernoulli(0.3) ? width / rng.integer(1, 20) : undefined;
      hps.push(new FloatHyperparameter(name, lower, lower + width, { log, ...(q === undefined ? {} : { q }) }));
    }
  }
  const simple = (child: string, parent: Hyperparameter): Condition => randomSimpleCondition(child, parent, someValues(parent, rng), rng);
  const conditions: Condition[] = [];
  for (let j = 1; j < n; j++) {
    if (!rng.bernoulli(0.5)) continue;
    const child = `p${j}`;
    const first = simple(child, hps[rng.index(j)] as Hyperparameter);
    if (rng.bernoulli(0.25)) {
      conditions.push({ type: rng.bernoulli(0.5) ? 'AND' : 'OR', child, conditions: [first, simple(child, hps[rng.index(j)] as Hyperparameter)] });
    } else {
      conditions.push(first);
    }
  }
  const space = new ConfigurationSpace({ parameters: hps, conditions });
  const defaults = space.defaultConfiguration();
  const forbiddens: ForbiddenClause[] = [];
  const literal = (hp: Hyperparameter): ForbiddenClause | undefined => {
    const values = someValues(hp, rng).filter((v) => v !== defaults[hp.name]);
    if (values.length === 0 || hp.type === 'constant') return undefined;
    return rng.bernoulli(0.5) ? { type: 'EQUALS', name: hp.name, value: values[0] as ParamValue } : { type: 'IN', name: hp.name, values };
  };
  for (let f = rng.integer(0, 2); f > 0; f--) {
    const kind = rng.index(3);
    if (kind === 0) {
      const clause = literal(rng.pick(hps));
      if (clause !== undefined) forbiddens.push(clause);
    } else if (kind === 1 && n >= 2) {
      const a = literal(hps[0] as Hyperparameter);
      const b = literal(rng.pick(hps.slice(1)));
      if (a !== undefined && b !== undefined) forbiddens.push({ type: 'AND', clauses: [a, b] });
    } else {
      const numeric = hps.filter((h) => h.type === 'integer' || h.type === 'float');
      if (numeric.length >= 2) {
        const [left, right] = rng.shuffle([...numeric]) as [Hyperparameter, Hyperparameter];
        const relation = rng.pick(['LESS', 'EQUALS', 'GREATER'] as const);
        const candidate: ForbiddenClause = { type: 'RELATION', relation, left: left.name, right: right.name };
        const probe = new ConfigurationSpace({ parameters: hps, conditions, forbiddens: [candidate] });
        if (probe.forbiddenClauseOf(defaults) === undefined) forbiddens.push(candidate);
      }
    }
  }
  return new ConfigurationSpace({ name: `random-${seed}`, parameters: hps, conditions, forbiddens });
}
