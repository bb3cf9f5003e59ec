import { simulate } from '@jahskit/core';
import { createWith, hartmannEpochs } from '../src/internal/multifidelity/multiFidelityFixtures';
import { dehbDescriptor } from '../src/dehb/dehbModule';
const b = await hartmannEpochs(81);
const run = await simulate({ benchmark: b, optimizer: createWith(dehbDescriptor, b, 0), seed: 0, budget: { simulatedSeconds: 12270 } });
const byBracket = new Map<string, number[]>();
for (const r of run.records) { const k = `${r.trial.tags?.['bracket']}/${r.trial.fidelity['epoch']}`; (byBracket.get(k) ?? byBracket.set(k, []).get(k)!).push(r.objectives['y']!); }
for (const [k, v] of byBracket) console.log(k, v.length, Math.min(...v).toFixed(3), (v.reduce((a, c) => a + c, 0) / v.length).toFixed(3));
