import type { OptimizerDescriptor } from '@jahskit/core';
import { dataFilesAt } from '@jahskit/benchmarks/nb201';
import { RunContext } from '../compare/RunContext';
import type { CatalogBenchmark, CatalogOptimizer, PlaygroundReply, PlaygroundRequest } from './PlaygroundMessages';
import { PLAYGROUND_BENCHMARKS, playgroundRegistry } from './playgroundRegistry';
import { playgroundStudy } from './playgroundStudy';

/**
 * The playground's Web Worker: studies run here, off the page's thread, so the page stays responsive
 * and draws while they run. Data comes from `data/<id>/` beside this script, on the page's own origin.
 */
interface WorkerScope {
  postMessage(reply: PlaygroundReply): void;
  onmessage: ((event: { data: PlaygroundRequest }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const registry = playgroundRegistry((id) => dataFilesAt(new URL(`data/${id}/`, import.meta.url)));
// Benchmarks stay loaded between clicks: a surrogate's model takes longer to load than a study to run.
const context = new RunContext(registry, {});

/** Lines are posted at most this often, so that a fast study costs the page a redraw per batch, not per trial. */
const BATCH_MS = 50;

scope.postMessage({ type: 'catalog', benchmarks: PLAYGROUND_BENCHMARKS.map(catalogBenchmark), optimizers: registry.list('optimizer').map(catalogOptimizer) });

let queue = Promise.resolve();
scope.onmessage = (event) => {
  if (event.data.type !== 'run') return;
  const { studies } = event.data;
  queue = queue.then(async () => {
    for (const [study, spec] of studies.entries()) {
      let batch: string[] = [];
      let posted = performance.now();
      const flush = (): void => {
        if (batch.length > 0) scope.postMessage({ type: 'lines', study, lines: batch });
        batch = [];
        posted = performance.now();
      };
      try {
        const end = await playgroundStudy(spec, context, (line) => {
          batch.push(line);
          if (performance.now() - posted >= BATCH_MS) flush();
        });
        flush();
        scope.postMessage({ type: 'finished', study, end });
      } catch (error) {
        flush();
        scope.postMessage({ type: 'failed', study, message: error instanceof Error ? error.message : String(error) });
      }
    }
    scope.postMessage({ type: 'idle' });
  });
};

function catalogBenchmark(id: string): CatalogBenchmark {
  const descriptor = registry.get('benchmark', id);
  const defaults = descriptor.options.safeParse({});
  const instance = defaults.success ? (defaults.data as { instance?: unknown }).instance : undefined;
  return { id, summary: descriptor.summary, instances: descriptor.instances ?? [], ...(typeof instance === 'string' ? { defaultInstance: instance } : {}) };
}

function catalogOptimizer(descriptor: OptimizerDescriptor): CatalogOptimizer {
  const { objectives, multiFidelity } = descriptor.capabilities;
  return { id: descriptor.id, summary: descriptor.summary, objectives, multiFidelity };
}
