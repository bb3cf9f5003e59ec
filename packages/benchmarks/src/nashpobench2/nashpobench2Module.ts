import { definePlugin, type BenchmarkContext, type BenchmarkDescriptor, type DataStatus } from '@jahskit/core';
import { z } from 'zod';
import { sha256File } from '../internal/sha256File';
import { createNashpobench2Benchmark, type Nashpobench2Options } from './createNashpobench2Benchmark';
import {
  NASHPOBENCH2_ENV,
  NASHPOBENCH2_FILES,
  NASHPOBENCH2_SOURCE,
  nashpobench2DataDir,
  nashpobench2MissingData,
  nashpobench2Paths,
} from './nashpobench2DataFiles';
import { loadNashpobench2 } from './loadNashpobench2';
import { NASHPOBENCH2_EPOCHS } from './nashpobench2FidelitySpace';

const options = z
  .object({
    dataDir: z.string().min(1).optional().describe(`folder with bench12.pkl, cellinfo.pkl, avgaccs200.pkl (default: $${NASHPOBENCH2_ENV})`),
    cacheDir: z.string().min(1).optional().describe('folder for the converted cache (default: <dataDir>/.jahskit-cache, else ~/.cache/jahskit)'),
    noise: z
      .enum(['mean', 'seed', 'official'])
      .default('mean')
      .describe("'mean' over the 3 seeds, 'seed' drawn from the request's seed, 'official' = seed 222 (the API's default)"),
    epochs: z
      .literal([...NASHPOBENCH2_EPOCHS])
      .optional()
      .describe('a single training length (1..12 or 200): a single-fidelity task with id nashpobench2@<epochs> and a known optimum at that epoch'),
  })
  .strict();

export const nashpobench2Descriptor: BenchmarkDescriptor<Nashpobench2Options> = {
  id: 'nashpobench2',
  summary: 'NAS-HPO-Bench-II tabular cell + lr + batch-size benchmark (CIFAR-10; epochs 1..12 and 200; needs the official pickles)',
  needsData: true,
  options,
  create: async (o, context) => {
    const dir = nashpobench2DataDir(o.dataDir, context.env);
    if (dir === undefined) throw nashpobench2MissingData(undefined);
    return createNashpobench2Benchmark(await loadNashpobench2(dir, o.cacheDir), o);
  },
  checkData: async (given: Nashpobench2Options, context: BenchmarkContext): Promise<DataStatus> => {
    // `jahskit data check` passes the options as given (possibly meant for other benchmarks too): read only dataDir.
    const raw = (given ?? {}) as { dataDir?: unknown };
    const dir = nashpobench2DataDir(typeof raw.dataDir === 'string' ? raw.dataDir : undefined, context.env);
    if (dir === undefined) return { ready: false, detail: `set the option dataDir or ${NASHPOBENCH2_ENV}; ${NASHPOBENCH2_SOURCE}` };
    const paths = nashpobench2Paths(dir);
    const files = await Promise.all(
      NASHPOBENCH2_FILES.map(async (name) => {
        const digest = await sha256File(paths[name]);
        return digest === undefined
          ? { path: paths[name], ok: false, detail: 'missing' }
          : { path: paths[name], ok: true, detail: `SHA-256 ${digest.sha256} (${digest.size} bytes; unverified: the official checksums are not published)` };
      }),
    );
    const ready = files.every((f) => f.ok);
    return { ready, detail: ready ? `data in ${dir}` : `files missing in ${dir}; ${NASHPOBENCH2_SOURCE}`, files };
  },
};

/** Registers the NAS-HPO-Bench-II benchmark. */
export const nashpobench2Module = definePlugin({ benchmarks: [nashpobench2Descriptor] });
