import { describeValue } from '../errors/describeValue';

/**
 * Most trials one journal entry may ask for at once. Replay asks the optimizer for `n` again, so a
 * line claiming a huge `n` would make every reader build that many trials before finding out.
 */
export const MAX_ASK = 100_000;

type Fields = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isTime = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const DIRECTIONS = new Set(['minimize', 'maximize']);
const STATUSES = new Set(['ok', 'failed', 'diverged']);

/**
 * What is wrong with a parsed journal entry (`{seq, study, op, ...}`), as "field: what it must be", or
 * undefined when it has the shape `JournalEntry` describes. Every field that replay reads is checked,
 * so that a line sealed with a valid checksum but written by something other than jahskit fails as a
 * corrupt line instead of deep inside replay.
 */
export function journalEntryProblem(entry: Fields): string | undefined {
  const bad = (field: string, must: string, value: unknown = entry[field]): string => `${field} must be ${must}, got ${describeValue(value, 60)}`;
  if (!isCount(entry['seq'])) return bad('seq', 'an integer >= 0');
  if (typeof entry['study'] !== 'string') return bad('study', 'a string');
  const op = entry['op'];
  if (op === 'create') return specProblem(entry['spec']);
  if (typeof entry['worker'] !== 'string') return bad('worker', 'a string');
  if (!isTime(entry['at'])) return bad('at', 'a finite number of milliseconds');
  switch (op) {
    case 'heartbeat':
      return undefined;
    case 'ask': {
      const n = entry['n'];
      const trials = entry['trials'];
      if (!Number.isSafeInteger(n) || (n as number) < 1 || (n as number) > MAX_ASK) return bad('n', `an integer from 1 to ${MAX_ASK}`);
      if (!Array.isArray(trials) || trials.length > (n as number)) return bad('trials', 'an array of at most n trials');
      const index = trials.findIndex((t) => !isObject(t) || !isCount(t['id']) || !isObject(t['config']) || !isObject(t['fidelity']));
      return index < 0 ? undefined : `trials[${index}] must be a trial {id, config, fidelity}, got ${describeValue(trials[index], 60)}`;
    }
    case 'tell': {
      if (entry['late'] !== undefined && entry['late'] !== true) return bad('late', 'true or absent');
      const result = entry['result'];
      if (!isObject(result)) return bad('result', 'an object {trialId, status, objectives, metrics, cost}');
      if (!isCount(result['trialId'])) return bad('result.trialId', 'an integer >= 0', result['trialId']);
      if (!STATUSES.has(result['status'] as string)) return bad('result.status', 'ok, failed or diverged', result['status']);
      for (const key of ['objectives', 'metrics'] as const) {
        const values = result[key];
        if (!isObject(values) || !Object.values(values).every((v) => typeof v === 'number' && Number.isFinite(v)))
          return bad(`result.${key}`, 'an object of finite numbers', values);
      }
      const cost = result['cost'];
      if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0) return bad('result.cost', 'a finite number >= 0', cost);
      return undefined;
    }
    case 'expire': {
      const trials = entry['trials'];
      return Array.isArray(trials) && trials.every(isCount) ? undefined : bad('trials', 'an array of trial ids');
    }
    default:
      return bad('op', 'one of create, ask, tell, heartbeat, expire');
  }
}

function specProblem(spec: unknown): string | undefined {
  if (!isObject(spec)) return `spec must be an object, got ${describeValue(spec, 60)}`;
  const objectives = spec['objectives'];
  if (
    !Array.isArray(objectives) ||
    objectives.length === 0 ||
    !objectives.every((o) => isObject(o) && typeof o['name'] === 'string' && DIRECTIONS.has(o['direction'] as string))
  ) {
    return `spec.objectives must be a non-empty array of {name, direction: minimize | maximize}, got ${describeValue(objectives, 60)}`;
  }
  const optimizer = spec['optimizer'];
  if (!isObject(optimizer) || typeof optimizer['id'] !== 'string') return `spec.optimizer must be {id, options}, got ${describeValue(optimizer, 60)}`;
  const seed = spec['seed'];
  if (!isCount(seed) || seed > 0xffff_ffff) return `spec.seed must be an integer from 0 to 4294967295, got ${describeValue(seed, 60)}`;
  if (!Array.isArray(spec['parameters']) || !Array.isArray(spec['fidelityParameters'])) return 'spec.parameters and spec.fidelityParameters must be arrays';
  const grace = spec['graceSeconds'];
  if (typeof grace !== 'number' || !(grace > 0) || !Number.isFinite(grace)) return `spec.graceSeconds must be a number > 0, got ${describeValue(grace, 60)}`;
  for (const key of ['constraints', 'metrics']) {
    const list = spec[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((item) => typeof item === 'string')))
      return `spec.${key} must be an array of strings, got ${describeValue(list, 60)}`;
  }
  return undefined;
}
