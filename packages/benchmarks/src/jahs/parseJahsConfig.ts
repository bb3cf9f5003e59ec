import { JAHS_OP_NAMES, JAHS_OPS } from '@jahskit/spaces';

const NUMERIC = ['LearningRate', 'WeightDecay', 'N', 'W', 'Resolution', 'epoch'];

/**
 * Accepts the notations found around JAHS-Bench-201: op names (`nor_conv_3x3`) or numeric strings for
 * Op1..Op6, numbers written as strings, and `"True"`/`"False"` for TrivialAugment. Anything else is
 * returned unchanged for the space to validate.
 */
export function parseJahsConfig(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const op of JAHS_OP_NAMES) {
    const value = out[op];
    if (typeof value !== 'string') continue;
    const named = (JAHS_OPS as readonly string[]).indexOf(value);
    if (named >= 0) out[op] = named;
    else if (/^[0-4]$/.test(value)) out[op] = Number(value);
  }
  for (const name of NUMERIC) {
    const value = out[name];
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) out[name] = Number(value);
  }
  const augment = out['TrivialAugment'];
  if (typeof augment === 'string' && /^(true|false)$/i.test(augment)) out['TrivialAugment'] = augment.toLowerCase() === 'true';
  return out;
}
