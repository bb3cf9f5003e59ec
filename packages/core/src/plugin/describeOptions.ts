import { z } from 'zod';

/** One option as `jahskit list` shows it. */
export interface OptionDescription {
  readonly name: string;
  readonly type: string;
  readonly default?: unknown;
  readonly description?: string;
}

/** Flattens an object schema into one line per option, through zod's JSON-Schema export. */
export function describeOptions(schema: z.ZodType): OptionDescription[] {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return [];
  }
  const properties = (json['properties'] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(properties).map(([name, property]) => {
    const description: OptionDescription = {
      name,
      type: typeOf(property),
      ...(property['default'] !== undefined ? { default: property['default'] } : {}),
      ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
    };
    return description;
  });
}

function typeOf(property: Record<string, unknown>): string {
  if (Array.isArray(property['enum'])) return (property['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  const anyOf = property['anyOf'] ?? property['oneOf'];
  if (Array.isArray(anyOf)) return (anyOf as Record<string, unknown>[]).map(typeOf).join(' | ');
  if (property['const'] !== undefined) return JSON.stringify(property['const']);
  const type = property['type'];
  let text = Array.isArray(type) ? type.join(' | ') : typeof type === 'string' ? type : 'any';
  if (type === 'array' && typeof property['items'] === 'object' && property['items'] !== null) {
    text = `${typeOf(property['items'] as Record<string, unknown>)}[]`;
  }
  const bounds: string[] = [];
  // zod's .int() adds the safe-integer range: not worth printing.
  const bound = (key: string): boolean => property[key] !== undefined && Math.abs(property[key] as number) !== Number.MAX_SAFE_INTEGER;
  if (bound('minimum')) bounds.push(`>= ${String(property['minimum'])}`);
  if (bound('exclusiveMinimum')) bounds.push(`> ${String(property['exclusiveMinimum'])}`);
  if (bound('maximum')) bounds.push(`<= ${String(property['maximum'])}`);
  if (bound('exclusiveMaximum')) bounds.push(`< ${String(property['exclusiveMaximum'])}`);
  return bounds.length > 0 ? `${text} (${bounds.join(', ')})` : text;
}
