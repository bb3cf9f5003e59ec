import type { Configuration } from '@jahskit/core';
import { SpaceError } from '../../errors/SpaceError';
import { formatValue } from '../../errors/formatValue';
import { NB201_EDGE_NAMES, NB201_EDGES, NB201_OPS } from './nb201Space';
import { nb201OpIndices } from './nb201OpIndices';

/** The official architecture string: `|op_0_1~0|+|op_0_2~0|op_1_2~1|+|op_0_3~0|op_1_3~1|op_2_3~2|`. */
export function nb201ArchString(config: Configuration): string {
  const ops = nb201OpIndices(config).map((code) => NB201_OPS[code] as string);
  return `|${ops[0]}~0|+|${ops[1]}~0|${ops[2]}~1|+|${ops[3]}~0|${ops[4]}~1|${ops[5]}~2|`;
}

const FORMAT = '|op~0|+|op~0|op~1|+|op~0|op~1|op~2|';

/** Parses an official architecture string into a configuration of `nb201Space()`. */
export function parseNb201ArchString(text: string): Configuration {
  const bad = (problem: string, parameter = 'arch', allowed = `strings of the form ${FORMAT} with op in ${NB201_OPS.join(', ')}`) =>
    new SpaceError('illegal-value', { parameter, problem, allowed });
  if (typeof text !== 'string') throw bad(`${formatValue(text)} is not a string`);
  const nodes = text.split('+');
  if (nodes.length !== 3) throw bad(`${formatValue(text)} has ${nodes.length} node groups, expected 3 separated by "+"`);
  const out: Record<string, string> = {};
  let edge = 0;
  nodes.forEach((group, j) => {
    if (!group.startsWith('|') || !group.endsWith('|') || group.length < 2) {
      throw bad(`node group ${j + 1} ${formatValue(group)} must start and end with "|"`);
    }
    const inputs = group.slice(1, -1).split('|');
    if (inputs.length !== j + 1) throw bad(`node ${j + 1} has ${inputs.length} inputs in ${formatValue(group)}, expected ${j + 1}`);
    inputs.forEach((entry, i) => {
      const [op, source, ...rest] = entry.split('~');
      const name = NB201_EDGE_NAMES[edge] as string;
      if (rest.length > 0 || source !== String(i)) {
        throw bad(`edge ${formatValue(entry)} into node ${j + 1} must read "op~${i}"`, name);
      }
      if (!(NB201_OPS as readonly string[]).includes(op as string)) {
        throw bad(`${formatValue(op)} on edge ${NB201_EDGES[edge]?.join('->')} is not an operation`, name, NB201_OPS.join(', '));
      }
      out[name] = op as string;
      edge++;
    });
  });
  return out;
}
