import 'reflect-metadata';
import { simulate, validateOptions } from '@jahskit/core';
import { createJahsBenchmark } from '../../benchmarks/src/jahs/createJahsBenchmark';
import { bohbDescriptor } from '../src/bohb/bohbModule';
import { hyperbandDescriptor } from '../src/hyperband/hyperbandModule';
const b = await createJahsBenchmark({ objectives: ['valid_error'], variant: 'joint', intraOpNumThreads: 1 });
for (const d of [bohbDescriptor]) {
  const opt = d.create(validateOptions(d.options, { fidelity: 'epoch' }, 'x'), { space: b.space, fidelitySpace: b.fidelitySpace, objectives: b.objectives, seed: 0 });
  const run = await simulate({ benchmark: b, optimizer: opt, seed: 0, budget: { simulatedSeconds: 2.209e7 } });
  const by = new Map<string, number[]>();
  for (const r of run.records) { const k = `${r.trial.tags?.['bracket']}/${r.trial.fidelity['epoch']}`; (by.get(k) ?? by.set(k, []).get(k)!).push(r.status === 'ok' ? r.objectives['valid_error']! : NaN); }
  console.log(d.id, [...by].map(([k, v]) => `${k}:${v.length}:${Math.min(...v).toFixed(1)}/${(v.reduce((a, c) => a + c, 0) / v.length).toFixed(1)}`).join(' '));
  console.log('statuses', run.records.filter((r) => r.status !== 'ok').length);
}
