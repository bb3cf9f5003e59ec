import { Rng, type ParamValue } from '@jahskit/core';
import type { Condition } from '../conditions/Condition';
import type { ForbiddenClause } from '../forbiddens/ForbiddenClause';
import { CategoricalHyperparameter } from '../hyperparameters/CategoricalHyperparameter';
import { ConstantHyperparameter } from '../hyperparameters/ConstantHyperparameter';
import { FloatHyperparameter } from '../hyperparameters/FloatHyperparameter';
import type { Hyperparameter } from '../hyperparameters/Hyperparameter';
import { OrdinalHyperparameter } from '../hyperparameters/OrdinalHyperparameter';
import { ConfigurationSpace } from '../space/ConfigurationSpace';
import { randomInteger, randomSimpleCondition, someValues } from '../space/spaceFixtures';
import type { PcsFormat } from './detectPcsFormat';

export const PCS_FIXTURES = {
  newFormat: new URL('./fixtures/training-new.pcs', import.meta.url),
  newFormatJson: new URL('./fixtures/training-new.json', import.meta.url),
  classic: new URL('./fixtures/solver-classic.pcs', import.meta.url),
  classicJson: new URL('./fixtures/solver-classic.json', import.meta.url),
} as const;

const WORDS = ['a', 'b', 'c', 'd', 'e', '0', '1', '-2', '3.5', 'x:y', 'on', 'off'];

/**
 * A random space that PCS can express in `format`, built deterministically from `seed`: string
 * choices (as PCS reads them), no weights or q, conditions on earlier parameters only (so acyclic);
 * in the classic format no ordinals and only EQ / IN conditions and their AND; forbidden clauses
 * of EQUALS and IN. Forbidden clauses may leave few configurations; callers sample defensively.
 */
export function randomPcsSpace(seed: number, format: PcsFormat): ConfigurationSpace {
  const rng = Rng.seeded(seed >>> 0);
  const n = rng.integer(1, 7);
  const hps: Hyperparameter[] = [];
  for (let i = 0; i < n; i++) {
    const name = rng.bernoulli(0.2) ? `p${i}:sub-${i}` : `p${i}`;
    const kind = rng.index(5);
    if (kind === 0 || (kind === 1 && format === 'classic')) {
      const choices = rng.shuffle([...WORDS]).slice(0, rng.integer(1, 5));
      hps.push(new CategoricalHyperparameter(name, choices, { default: rng.pick(choices) }));
    } else if (kind === 1) {
      const sequence = rng.shuffle([...WORDS]).slice(0, rng.integer(1, 5));
      hps.push(new OrdinalHyperparameter(name, sequence, { default: rng.pick(sequence) }));
    } else if (kind === 2) {
      hps.push(new ConstantHyperparameter(name, rng.pick(WORDS)));
    } else if (kind === 3) {
      hps.push(randomInteger(name, rng));
    } else {
      const log = rng.bernoulli(0.3);
      const lower = log ? rng.integer(1, 1000) / 997 : rng.integer(-100, 100) / 7;
      const upper = lower + rng.integer(1, 1000) / 13;
      hps.push(new FloatHyperparameter(name, lower, upper, { log, default: lower + (upper - lower) * rng.uniform() }));
    }
  }
  const simple = (child: string, parent: Hyperparameter): Condition => {
    const values = someValues(parent, rng, 2);
    if (format !== 'classic') return randomSimpleCondition(child, parent, values, rng);
    return rng.bernoulli(0.5) ? { type: 'EQ', child, parent: parent.name, value: values[0] as ParamValue } : { type: 'IN', child, parent: parent.name, values };
  };
  const conditions: Condition[] = [];
  for (let i = 1; i < n; i++) {
    if (!rng.bernoulli(0.5)) continue;
    const child = (hps[i] as Hyperparameter).name;
    const parent = () => hps[rng.index(i)] as Hyperparameter;
    const shape = rng.index(format === 'classic' ? 2 : 4);
    if (shape === 0) conditions.push(simple(child, parent()));
    else if (shape === 1) conditions.push({ type: 'AND', child, conditions: [simple(child, parent()), simple(child, parent())] });
    else if (shape === 2)
      conditions.push({
        type: 'OR',
        child,
        conditions: [simple(child, parent()), { type: 'AND', child, conditions: [simple(child, parent()), simple(child, parent())] }],
      });
    else
      conditions.push({
        type: 'AND',
        child,
        conditions: [simple(child, parent()), { type: 'OR', child, conditions: [simple(child, parent()), simple(child, parent())] }],
      });
  }
  const forbiddens: ForbiddenClause[] = [];
  const count = rng.index(3);
  for (let k = 0; k < count; k++) {
    const hp = rng.pick(hps);
    const values = someValues(hp, rng, 2);
    const first: ForbiddenClause = rng.bernoulli(0.5)
      ? { type: 'EQUALS', name: hp.name, value: values[0] as ParamValue }
      : { type: 'IN', name: hp.name, values };
    const other = rng.pick(hps);
    forbiddens.push(
      other === hp || rng.bernoulli(0.4) ? first : { type: 'AND', clauses: [first, { type: 'EQUALS', name: other.name, value: other.sample(rng) }] },
    );
  }
  return new ConfigurationSpace({ parameters: hps, conditions, forbiddens });
}
