import type { JsonValue, ParameterSpec, ParamValue } from '@jahskit/core';
import { describeCondition, describeForbidden, priorOf, type ConfigurationSpace } from '@jahskit/spaces';
import { describeSpaceFileFormat, type SpaceFileFormat } from './readSpaceFile';
import { spaceSize, type SpaceSize } from './spaceSize';

/** What `jahskit space show --json` prints. */
export interface SpaceDescription {
  readonly file: string;
  readonly format: SpaceFileFormat;
  readonly name: string | null;
  readonly parameters: readonly { readonly [key: string]: JsonValue }[];
  readonly conditions: readonly { readonly child: string; readonly condition: string }[];
  readonly forbiddens: readonly string[];
  /** A count (a string when it exceeds 2^53), `"infinite"`, or `"at most N"` when too many combinations to enumerate. */
  readonly size: number | string;
}

function sizeValue(size: SpaceSize): number | string {
  if (size.kind === 'infinite') return 'infinite';
  if (size.kind === 'unknown') return `at most ${size.atMost}`;
  return size.count <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(size.count) : String(size.count);
}

function parameterEntry(spec: ParameterSpec): { readonly [key: string]: JsonValue } {
  const prior = priorOf(spec);
  const common = { name: spec.name, type: spec.type };
  switch (spec.type) {
    case 'categorical':
      return { ...common, choices: spec.choices as JsonValue, default: spec.default, ...(spec.weights !== undefined ? { weights: [...spec.weights] } : {}) };
    case 'ordinal':
      return { ...common, sequence: spec.sequence as JsonValue, default: spec.default };
    case 'constant':
      return { ...common, value: spec.value, default: spec.default };
    case 'integer':
    case 'float':
      return {
        ...common,
        range: [spec.lower, spec.upper],
        default: spec.default,
        log: spec.log,
        ...(spec.type === 'float' && spec.q !== undefined ? { q: spec.q } : {}),
        ...(prior !== undefined ? { prior: { ...prior } } : {}),
      };
  }
}

/** Everything `space show` tells about a space read from `file`. */
export function describeSpace(space: ConfigurationSpace, file: string, format: SpaceFileFormat): SpaceDescription {
  return {
    file,
    format,
    name: space.name ?? null,
    parameters: space.parameters.map(parameterEntry),
    conditions: space.conditions.map((c) => ({ child: c.child, condition: describeCondition(c) })),
    forbiddens: space.forbiddens.map(describeForbidden),
    size: sizeValue(spaceSize(space)),
  };
}

const text = (value: ParamValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

function domainText(p: { readonly [key: string]: JsonValue }): string {
  if (p['type'] === 'categorical') return `{${(p['choices'] as ParamValue[]).map(text).join(', ')}}`;
  if (p['type'] === 'ordinal') return `(${(p['sequence'] as ParamValue[]).map(text).join(' < ')})`;
  if (p['type'] === 'constant') return `= ${text(p['value'] as ParamValue)}`;
  const [lower, upper] = p['range'] as [number, number];
  return `[${lower}, ${upper}]${p['log'] === true ? ' log' : ''}${p['q'] !== undefined ? ` q=${String(p['q'])}` : ''}`;
}

function priorText(p: { readonly [key: string]: JsonValue }): string {
  const prior = p['prior'] as { kind: string; [k: string]: JsonValue } | undefined;
  if (prior !== undefined) {
    return prior.kind === 'normal'
      ? `  prior normal(mu=${String(prior['mu'])}, sigma=${String(prior['sigma'])})`
      : `  prior beta(alpha=${String(prior['alpha'])}, beta=${String(prior['beta'])})`;
  }
  const weights = p['weights'] as number[] | undefined;
  return weights !== undefined ? `  weights ${weights.join(', ')}` : '';
}

/** The human form of {@link describeSpace}: aligned columns of parameters, then conditions, clauses and size. */
export function formatSpaceDescription(d: SpaceDescription): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    `${d.file}: ${describeSpaceFileFormat(d.format)}${d.name !== null ? `, space "${d.name}"` : ''}`,
    `${count(d.parameters.length, 'parameter')}, ${count(d.conditions.length, 'condition')}, ${count(d.forbiddens.length, 'forbidden clause')}`,
  ];
  const rows = d.parameters.map((p) => [String(p['name']), String(p['type']), domainText(p), `default ${text(p['default'] as ParamValue)}${priorText(p)}`]);
  const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => (r[i] as string).length)));
  lines.push('parameters:', ...rows.map((r) => `  ${r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] as number) : cell)).join('  ')}`));
  if (d.conditions.length > 0) lines.push('conditions:', ...d.conditions.map((c) => `  ${c.child} | ${c.condition}`));
  if (d.forbiddens.length > 0) lines.push('forbidden:', ...d.forbiddens.map((f) => `  ${f}`));
  lines.push(`size: ${typeof d.size === 'number' ? `${d.size} configurations` : /^\d+$/.test(d.size) ? `${d.size} configurations` : d.size}`);
  return `${lines.join('\n')}\n`;
}
