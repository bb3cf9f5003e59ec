import { z } from 'zod';
import { CoreError } from '../errors/CoreError';

/**
 * Parses `options` with `schema`; a failure becomes one CoreError that names the first offending
 * option and what it accepts (zod's own message), e.g.
 * `optimizer "re": option "population": Too small: expected number to be >=2`.
 */
export function validateOptions<T>(schema: z.ZodType<T>, options: unknown, owner: string): T {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  let message = issue?.message ?? 'invalid options';
  if (issue?.code === 'unrecognized_keys') {
    const keys = (issue as { keys?: readonly string[] }).keys ?? [];
    const known = schemaKeys(schema);
    throw new CoreError(
      'invalid-option',
      `${owner}: unknown option ${keys.map((k) => `"${k}"`).join(', ')}; options are: ${known.length > 0 ? known.join(', ') : '(none)'}`,
      {
        parameter: keys[0] ?? path,
        allowed: known.join(', '),
      },
    );
  }
  if (issue?.code === 'invalid_value' && 'values' in issue) {
    message = `expected one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  throw new CoreError('invalid-option', `${owner}: option "${path || '(root)'}": ${message}`, { parameter: path });
}

/** Top-level option names of an object schema (empty for anything else). */
export function schemaKeys(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (shape !== undefined) return Object.keys(shape);
  const inner = (schema as { def?: { innerType?: z.ZodType; in?: z.ZodType } }).def;
  if (inner?.innerType !== undefined) return schemaKeys(inner.innerType);
  if (inner?.in !== undefined) return schemaKeys(inner.in);
  return [];
}
