import { nonDominatedFilter } from '@jahskit/multiobjective';

/**
 * The synthetic test problems, as plain functions of a real vector x and a fidelity z in (0, 1]
 * (z = epoch / maxEpoch). At z = 1 each is the textbook function; lower z gives a biased,
 * cheaper approximation, as in the multi-fidelity variants of Kandasamy et al. (2017).
 */
export interface SyntheticProblem {
  readonly name: string;
  readonly bounds: readonly (readonly [number, number])[];
  readonly objectives: readonly string[];
  /** Objective values at x and fidelity z; all minimised. */
  evaluate(x: ArrayLike<number>, z: number): number[];
  /** Single-objective problems: the known minimum and a minimiser. */
  readonly optimum?: { readonly value: number; readonly x: readonly number[] };
  /** Multi-objective problems: points of the true Pareto front (sampled). */
  paretoFront?(points: number): number[][];
  /** Fixed, documented reference point for hypervolume. */
  readonly referencePoint?: readonly number[];
}

const { PI, sin, cos, sqrt, exp } = Math;

/** Branin on [-5, 10] x [0, 15]; fidelity bends b, c and t (Kandasamy et al. 2017, appendix). */
export const branin: SyntheticProblem = {
  name: 'branin',
  bounds: [
    [-5, 10],
    [0, 15],
  ],
  objectives: ['y'],
  evaluate(x, z) {
    const x1 = x[0] as number;
    const x2 = x[1] as number;
    const b = 5.1 / (4 * PI * PI) - 0.01 * (1 - z);
    const c = 5 / PI - 0.1 * (1 - z);
    const t = 1 / (8 * PI) + 0.05 * (1 - z);
    return [(x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * cos(x1) + 10];
  },
  optimum: { value: 0.39788735772973816, x: [PI, 2.275] },
};

const H6_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H6_P = [
  [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
  [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
  [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665],
  [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
];

/** Hartmann-6 on [0, 1]^6; fidelity lowers alpha by 0.1 (1 - z) (Kandasamy et al. 2017). */
export const hartmann6: SyntheticProblem = {
  name: 'hartmann6',
  bounds: Array.from({ length: 6 }, () => [0, 1] as const),
  objectives: ['y'],
  evaluate(x, z) {
    let total = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let j = 0; j < 6; j++) inner += H6_A[i]![j]! * ((x[j] as number) - H6_P[i]![j]!) ** 2;
      total += (H6_ALPHA[i]! - 0.1 * (1 - z)) * exp(-inner);
    }
    return [-total];
  },
  optimum: { value: -3.3223680114155147, x: [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573] },
};

/** The ZDT g function, raised at low fidelity so that cheap evaluations look worse. */
function zdtG(x: ArrayLike<number>, z: number): number {
  let sum = 0;
  for (let i = 1; i < x.length; i++) sum += x[i] as number;
  return 1 + (9 * sum) / (x.length - 1) + 0.5 * (1 - z);
}

function zdt(name: string, shape: (f1: number, g: number) => number, front: (n: number) => number[][]): (n?: number) => SyntheticProblem {
  return (n = 30) => ({
    name,
    bounds: Array.from({ length: n }, () => [0, 1] as const),
    objectives: ['f1', 'f2'],
    evaluate(x, z) {
      const f1 = x[0] as number;
      const g = zdtG(x, z);
      return [f1, g * shape(f1, g)];
    },
    paretoFront: front,
    referencePoint: [1.1, 1.1],
  });
}

const linspace = (n: number, lo = 0, hi = 1): number[] => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, n - 1));

export const zdt1 = zdt(
  'zdt1',
  (f1, g) => 1 - sqrt(f1 / g),
  (n) => linspace(n).map((f1) => [f1, 1 - sqrt(f1)]),
);
export const zdt2 = zdt(
  'zdt2',
  (f1, g) => 1 - (f1 / g) ** 2,
  (n) => linspace(n).map((f1) => [f1, 1 - f1 * f1]),
);

/** ZDT3's front is disconnected: the non-dominated part of 1 - sqrt(f1) - f1 sin(10 pi f1). */
export const zdt3 = zdt(
  'zdt3',
  (f1, g) => 1 - sqrt(f1 / g) - (f1 / g) * sin(10 * PI * f1),
  (n) => {
    const curve = linspace(Math.max(n * 20, 2000)).map((f1) => [f1, 1 - sqrt(f1) - f1 * sin(10 * PI * f1)]);
    const front = Array.from(nonDominatedFilter(Float64Array.from(curve.flat()), 2), (i) => curve[i]!);
    const step = Math.max(1, Math.floor(front.length / n));
    return front.filter((_, i) => i % step === 0);
  },
);

/** DTLZ2 with m objectives and k = 10 distance variables; its front is the positive unit sphere. */
export function dtlz2(m: 2 | 3, k = 10): SyntheticProblem {
  const n = m + k - 1;
  return {
    name: `dtlz2-${m}`,
    bounds: Array.from({ length: n }, () => [0, 1] as const),
    objectives: Array.from({ length: m }, (_, i) => `f${i + 1}`),
    evaluate(x, z) {
      let g = 0;
      for (let i = m - 1; i < n; i++) g += ((x[i] as number) - 0.5) ** 2;
      g += 0.25 * (1 - z);
      const f: number[] = [];
      for (let i = 0; i < m; i++) {
        let value = 1 + g;
        for (let j = 0; j < m - 1 - i; j++) value *= cos(((x[j] as number) * PI) / 2);
        if (i > 0) value *= sin(((x[m - 1 - i] as number) * PI) / 2);
        f.push(value);
      }
      return f;
    },
    paretoFront(points) {
      if (m === 2) return linspace(points, 0, PI / 2).map((a) => [cos(a), sin(a)]);
      const side = Math.max(2, Math.round(sqrt(points)));
      const front: number[][] = [];
      for (const a of linspace(side, 0, PI / 2)) for (const b of linspace(side, 0, PI / 2)) front.push([cos(a) * cos(b), cos(a) * sin(b), sin(a)]);
      return front;
    },
    referencePoint: Array.from({ length: m }, () => 1.1),
  };
}

/** Every synthetic instance by name. */
export const SYNTHETIC_PROBLEMS: Readonly<Record<string, () => SyntheticProblem>> = {
  branin: () => branin,
  hartmann6: () => hartmann6,
  zdt1: () => zdt1(),
  zdt2: () => zdt2(),
  zdt3: () => zdt3(),
  'dtlz2-2': () => dtlz2(2),
  'dtlz2-3': () => dtlz2(3),
};
