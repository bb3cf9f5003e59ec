import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CliError } from '../commandLineError';
import { BUILTIN_PROTOCOLS } from './builtinProtocols';
import type { Protocol } from './Protocol';

const json: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)]));
const positive = z.number().positive();

/** Protocol, as a user writes it: what is optional in the type has its default here. */
const protocolSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"'),
    title: z.string().min(1),
    description: z.string().default(''),
    benchmark: z.string().min(1),
    benchmarkOptions: z.record(z.string(), json).default({}),
    seedOptions: z.array(z.string()).optional(),
    budget: z
      .object({ evaluations: z.number().int().positive().optional(), simulatedSeconds: positive.optional(), meanEvaluations: positive.optional() })
      .strict()
      .refine((b) => Object.keys(b).length > 0, 'give evaluations, simulatedSeconds and/or meanEvaluations'),
    meanEvaluationSeconds: positive.optional(),
    // Checked as expressions against the benchmark's names when a grid uses the protocol (see compileTask).
    objectives: z.array(z.string().trim().min(1, 'an objective expression such as "err = valid_error"')).min(1).optional(),
    constraints: z.array(z.string().trim().min(1, 'a constraint expression such as "latency_s <= 0.02"')).optional(),
    workers: z.number().int().positive().default(1),
    mode: z.enum(['async', 'sync']).optional(),
    fidelityMode: z.enum(['continue', 'retrain']).optional(),
    seeds: z.number().int().positive().default(10),
    metric: z.enum(['best', 'regret', 'hypervolume']),
    metricLabel: z.string().optional(),
    axis: z.enum(['evaluations', 'simulated-seconds', 'mean-evaluations']),
    logScale: z.boolean().optional(),
    referencePoint: z.array(z.number()).optional(),
    incumbentMetrics: z
      .array(
        z
          .object({
            label: z.string().min(1),
            metric: z.string().min(1),
            fidelity: z.record(z.string(), z.number()),
            withoutOptions: z.array(z.string()).optional(),
            options: z.record(z.string(), json).optional(),
          })
          .strict(),
      )
      .optional(),
    presets: z
      .array(
        z
          .object({ label: z.string().regex(/^[A-Za-z0-9][\w+-]*@[\w.-]+$/, 'id@variant'), options: z.record(z.string(), json), source: z.string().min(1) })
          .strict(),
      )
      .optional(),
    reference: z
      .object({
        source: z.string().min(1),
        runs: z.number().int().positive(),
        values: z.record(z.string(), z.record(z.string(), z.object({ mean: z.number(), std: z.number().min(0) }).strict())),
      })
      .strict()
      .optional(),
    embedded: z.boolean().default(true),
  })
  .strict()
  .refine((p) => p.axis !== 'mean-evaluations' || p.meanEvaluationSeconds !== undefined, {
    message: 'axis "mean-evaluations" needs meanEvaluationSeconds',
    path: ['meanEvaluationSeconds'],
  })
  .refine((p) => p.budget.meanEvaluations === undefined || p.meanEvaluationSeconds !== undefined, {
    message: 'budget.meanEvaluations needs meanEvaluationSeconds',
    path: ['meanEvaluationSeconds'],
  })
  .refine((p) => p.metric !== 'hypervolume' || p.referencePoint !== undefined, {
    message: 'metric "hypervolume" needs a referencePoint',
    path: ['referencePoint'],
  });

/**
 * `compare --protocol-file`: protocols of the user's own, a JSON array of Protocol objects (for a
 * benchmark of an app's plugin, or other budgets and metrics on a shipped one), checked field by
 * field. Their names must not be those of the protocols jahskit ships, so that a name always means
 * one protocol in reports.
 */
export function readProtocolFile(path: string, shown: string = path): Protocol[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError('input', `--protocol-file ${shown}: ${(error as Error).message}`, { parameter: 'protocol-file' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError('input', `--protocol-file ${shown} is not JSON`, { parameter: 'protocol-file', allowed: 'a JSON array of protocols' });
  }
  const parsed = z.array(protocolSchema).min(1).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    throw new CliError('input', `--protocol-file ${shown}: ${at}: ${issue.message}`, {
      parameter: 'protocol-file',
      allowed: 'a JSON array of protocols (see docs/guides/benchmark-studies.md)',
    });
  }
  const names = new Set<string>();
  for (const protocol of parsed.data) {
    if (BUILTIN_PROTOCOLS.some((p) => p.name === protocol.name)) {
      throw new CliError('input', `--protocol-file ${shown}: protocol "${protocol.name}" is a protocol jahskit ships; give yours another name`, {
        parameter: 'protocol-file',
      });
    }
    for (const preset of protocol.presets ?? []) {
      if (BUILTIN_PROTOCOLS.some((p) => p.presets?.some((q) => q.label === preset.label))) {
        throw new CliError('input', `--protocol-file ${shown}: preset "${preset.label}" is a preset jahskit ships; give yours another name`, {
          parameter: 'protocol-file',
        });
      }
    }
    if (names.has(protocol.name))
      throw new CliError('input', `--protocol-file ${shown}: protocol "${protocol.name}" is defined twice`, { parameter: 'protocol-file' });
    names.add(protocol.name);
  }
  return parsed.data as Protocol[];
}
