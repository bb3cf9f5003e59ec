import { normalCdf } from '../src/internal/kde/normalCdf';
const a = new Float64Array(975).map(() => Math.random());
const time = (label: string, f: () => void) => { for (let i = 0; i < 200; i++) f(); const t = performance.now(); for (let i = 0; i < 2000; i++) f(); console.log(label, ((performance.now() - t) / 2000).toFixed(4), 'ms'); };
time('sort', () => a.slice().sort());
let s = 0;
time('cdf x2000', () => { for (let i = 0; i < 2000; i++) s += normalCdf(i / 2000 - 0.5); });
time('exp x140k', () => { for (let i = 0; i < 140000; i++) s += Math.exp(-i * 1e-5); });
console.log(s > 0);
