import 'reflect-metadata';
import { Rng } from '@jahskit/core';
import { createJahsBenchmark } from '../../benchmarks/src/jahs/createJahsBenchmark';
import { KdeSampler } from '../src/internal/kde/KdeSampler';
import { MultivariateKde } from '../src/internal/kde/MultivariateKde';
import { UnitCodec } from '../src/internal/kde/UnitCodec';
const b = await createJahsBenchmark({ objectives: ['valid_error'], variant: 'joint', intraOpNumThreads: 1 });
const top = b.fidelitySpace.defaultConfiguration();
const rng = Rng.seeded(3);
const configs = Array.from({ length: 100 }, (_, i) => b.space.sample(rng.stream(i)));
const ev = async (cs: any[], epoch: number) => (await b.evaluate(cs.map((config, i) => ({ config, fidelity: { ...top, epoch }, seed: i })))).map((e) => e.metrics['valid_error']!);
const v22 = await ev(configs, Number(process.env.EP ?? 22));
for (const opts of [{ topNPercent: 15, bandwidthFactor: 3 }, { topNPercent: 15, bandwidthFactor: 1 }]) {
  const s = new KdeSampler(b.space, 1, { randomFraction: 0, numSamples: 64, minBandwidth: 1e-3, minPointsInModel: null, ...opts });
  configs.forEach((c, i) => s.observe(i, c, 2, v22[i]!));
  const props = Array.from({ length: 60 }, (_, i) => s.sample(1000 + i));
  const vp = await ev(props, 200);
  console.log(opts, 'model mean', (vp.reduce((a, c) => a + c, 0) / vp.length).toFixed(2), 'min', Math.min(...vp).toFixed(2));
}
const vr = await ev(configs.slice(0, 60), 200);
console.log('random mean', (vr.reduce((a, c) => a + c, 0) / vr.length).toFixed(2), 'min', Math.min(...vr).toFixed(2));
const good = [...v22.keys()].sort((a, c) => v22[a]! - v22[c]!).slice(0, 15);
console.log('good at 22', good.map((i) => v22[i]!.toFixed(1)).join(' '));
const codec = new UnitCodec(b.space);
const rows = codec.encodeAll(configs);
const kde = MultivariateKde.fitRows(codec, rows, good);
console.log('bw', Array.from(kde.bandwidth).map((x) => x.toFixed(3)).join(' '));
console.log(JSON.stringify(configs[good[0]!]));
