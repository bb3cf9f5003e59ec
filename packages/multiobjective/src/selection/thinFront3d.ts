import { exclusiveVolume3d } from '../indicators/exclusiveVolume3d';
import { hypervolumeContributions3dKernel } from '../indicators/hypervolumeContributions3dKernel';
import { MinHeap } from '../internal/MinHeap';

/**
 * Greedy decremental thinning of one 3-D front (rows of `data`, m x 3): removes `count` rows,
 * each time the one with the least exclusive contribution among the rows left, ties by row.
 * Returns the removed rows (local indices) in removal order.
 *
 * Removing a point can only increase the others' contributions, so heap keys are lower bounds
 * (lazy greedy). On top of that each re-evaluated contribution records its *support*: the
 * live points q with q <= u componentwise, where [p, u) is p's exclusive bounding box (u_j is
 * the least q_j over the points that beat p in the two other coordinates). Points outside the
 * support neither bound u nor reach into [p, u), so p's contribution stays exact until a
 * support point is removed; removals mark exactly those contributions dirty through a reverse
 * index. Contributions never re-evaluated are stale after any removal, as in plain lazy greedy.
 *
 * A re-evaluation finds u and the support with one walk of a static k-d tree over the points
 * (subtrees with no live point, or whose lower corner is not <= the current u, are skipped),
 * then runs the clipped z-sweep of exclusiveVolume3d over the support only.
 */
export function thinFront3d(data: Float64Array, m: number, ref: Float64Array, count: number): Int32Array {
  const rx = ref[0]!;
  const ry = ref[1]!;
  const rz = ref[2]!;
  const removed = new Int32Array(count);
  let nRemoved = 0;
  const heap = new MinHeap(m);
  const insideIdx = new Int32Array(m);
  const insideData = new Float64Array(3 * m);
  let mi = 0;
  for (let t = 0; t < m; t++) {
    const x = data[3 * t]!;
    const y = data[3 * t + 1]!;
    const z = data[3 * t + 2]!;
    if (!(x < rx && y < ry && z < rz)) {
      // No box, no effect on anyone: cheapest to drop first.
      heap.push(-1, t, 0);
      continue;
    }
    insideIdx[mi] = t;
    insideData[3 * mi] = x;
    insideData[3 * mi + 1] = y;
    insideData[3 * mi + 2] = z;
    mi++;
  }
  const contrib = hypervolumeContributions3dKernel(insideData.subarray(0, 3 * mi), mi, ref);
  for (let s = 0; s < mi; s++) heap.push(contrib[s]!, insideIdx[s]!, 0);

  const st = new State(data, ref, insideIdx.subarray(0, mi), m);
  const { tracked, dirty, version } = st;
  let step = 0;
  while (nRemoved < count) {
    const t = heap.topId();
    const key = heap.topKey();
    const exact = key < 0 || (tracked[t] ? dirty[t] === 0 : heap.topStamp() === step);
    heap.pop();
    if (!exact) {
      heap.push(evaluate(st, t), t, step);
      continue;
    }
    removed[nRemoved++] = t;
    if (key < 0) continue;
    step++;
    st.remove(t);
    const { entP, entV, entNext, alive } = st;
    for (let e = st.head[t]!; e >= 0; e = entNext[e]!) {
      const p = entP[e]!;
      if (alive[p] === 1 && entV[e] === version[p]) dirty[p] = 1;
    }
  }
  return removed;
}

/** Exclusive volume of row p against the live rows; records its support. */
function evaluate(st: State, p: number): number {
  const { data, kx, ky, kz, kid, kAlive, nLo, nHi, nLeft, nLive, nMinX, nMinY, nMinZ, stack, cand, bx, by, bz } = st;
  st.tracked[p] = 1;
  st.dirty[p] = 0;
  st.version[p] = st.version[p]! + 1;
  const rx = st.ref[0]!;
  const ry = st.ref[1]!;
  const rz = st.ref[2]!;
  const px = data[3 * p]!;
  const py = data[3 * p + 1]!;
  const pz = data[3 * p + 2]!;
  let ux = rx;
  let uy = ry;
  let uz = rz;
  let nc = 0;
  let sp = 0;
  stack[sp++] = 0;
  while (sp > 0) {
    const node = stack[--sp]!;
    if (nLive[node] === 0 || nMinX[node]! > ux || nMinY[node]! > uy || nMinZ[node]! > uz) continue;
    const left = nLeft[node]!;
    if (left >= 0) {
      // Visit the child on p's side of the split first: p's neighbours shrink u soonest.
      const right = left + 1;
      const dim = st.nDim[node]!;
      const v = dim === 0 ? px : dim === 1 ? py : pz;
      if (v <= st.nSplit[node]!) {
        stack[sp++] = right;
        stack[sp++] = left;
      } else {
        stack[sp++] = left;
        stack[sp++] = right;
      }
      continue;
    }
    for (let k = nLo[node]!, end = nHi[node]!; k < end; k++) {
      if (kAlive[k] === 0) continue;
      const qx = kx[k]!;
      const qy = ky[k]!;
      const qz = kz[k]!;
      if (qx <= px) {
        if (qy <= py) {
          if (qz <= pz) {
            if (kid[k] === p) continue;
            // Weakly dominated: 0 until this coverer leaves.
            st.register(kid[k]!, p);
            return 0;
          }
          if (qz < uz) uz = qz;
        } else if (qz <= pz && qy < uy) uy = qy;
      } else if (qy <= py && qz <= pz && qx < ux) ux = qx;
      if (qx <= ux && qy <= uy && qz <= uz && kid[k] !== p) cand[nc++] = k;
    }
  }
  let b = 0;
  for (let c = 0; c < nc; c++) {
    const k = cand[c]!;
    const qz = kz[k]!;
    if (kx[k]! <= ux && ky[k]! <= uy && qz <= uz) {
      st.register(kid[k]!, p);
      // Insertion by z (supports are small).
      let at = b;
      while (at > 0 && bz[at - 1]! > qz) {
        bx[at] = bx[at - 1]!;
        by[at] = by[at - 1]!;
        bz[at] = bz[at - 1]!;
        at--;
      }
      bx[at] = kx[k]!;
      by[at] = ky[k]!;
      bz[at] = qz;
      b++;
    }
  }
  return exclusiveVolume3d(px, py, pz, bx, by, bz, b, rx, ry, rz, st.stair);
}

const LEAF = 8;

/** Buffers of thinFront3d: the k-d tree, liveness, versions and the reverse support index. */
class State {
  // Points in tree order.
  readonly kx: Float64Array;
  readonly ky: Float64Array;
  readonly kz: Float64Array;
  readonly kid: Int32Array;
  readonly kAlive: Uint8Array;
  readonly slotOf: Int32Array;
  readonly leafOf: Int32Array;
  // Nodes: children are nLeft and nLeft + 1 (nLeft = -1 for a leaf).
  readonly nLo: Int32Array;
  readonly nHi: Int32Array;
  readonly nLeft: Int32Array;
  readonly nParent: Int32Array;
  readonly nLive: Int32Array;
  readonly nDim: Uint8Array;
  readonly nSplit: Float64Array;
  readonly nMinX: Float64Array;
  readonly nMinY: Float64Array;
  readonly nMinZ: Float64Array;
  private nodes = 0;
  readonly stack: Int32Array;
  readonly cand: Int32Array;
  readonly bx: Float64Array;
  readonly by: Float64Array;
  readonly bz: Float64Array;
  readonly stair: Float64Array;
  readonly alive: Uint8Array;
  readonly tracked: Uint8Array;
  readonly dirty: Uint8Array;
  readonly version: Int32Array;
  readonly head: Int32Array;
  entP: Int32Array;
  entV: Int32Array;
  entNext: Int32Array;
  nEnt = 0;

  constructor(
    readonly data: Float64Array,
    readonly ref: Float64Array,
    rows: Int32Array,
    m: number,
  ) {
    const n = rows.length;
    this.kx = new Float64Array(n);
    this.ky = new Float64Array(n);
    this.kz = new Float64Array(n);
    this.kid = Int32Array.from(rows);
    this.kAlive = new Uint8Array(n).fill(1);
    this.slotOf = new Int32Array(m).fill(-1);
    this.leafOf = new Int32Array(n);
    const maxNodes = n + 4;
    this.nLo = new Int32Array(maxNodes);
    this.nHi = new Int32Array(maxNodes);
    this.nLeft = new Int32Array(maxNodes);
    this.nParent = new Int32Array(maxNodes);
    this.nLive = new Int32Array(maxNodes);
    this.nDim = new Uint8Array(maxNodes);
    this.nSplit = new Float64Array(maxNodes);
    this.nMinX = new Float64Array(maxNodes);
    this.nMinY = new Float64Array(maxNodes);
    this.nMinZ = new Float64Array(maxNodes);
    this.stack = new Int32Array(maxNodes + 2);
    this.cand = new Int32Array(n);
    this.bx = new Float64Array(n);
    this.by = new Float64Array(n);
    this.bz = new Float64Array(n);
    this.stair = new Float64Array(2 * n + 2);
    this.alive = new Uint8Array(m);
    for (let s = 0; s < n; s++) this.alive[rows[s]!] = 1;
    this.tracked = new Uint8Array(m);
    this.dirty = new Uint8Array(m);
    this.version = new Int32Array(m);
    this.head = new Int32Array(m).fill(-1);
    this.entP = new Int32Array(8 * m + 8);
    this.entV = new Int32Array(8 * m + 8);
    this.entNext = new Int32Array(8 * m + 8);
    if (n > 0) {
      this.nodes = 1;
      this.build(0, 0, n, -1);
    }
    for (let k = 0; k < n; k++) {
      const r = this.kid[k]!;
      this.kx[k] = data[3 * r]!;
      this.ky[k] = data[3 * r + 1]!;
      this.kz[k] = data[3 * r + 2]!;
      this.slotOf[r] = k;
    }
  }

  /** Fills node `node` with kid[lo..hi) (reordered in place). */
  private build(node: number, lo: number, hi: number, parent: number): void {
    const { data, kid } = this;
    this.nLo[node] = lo;
    this.nHi[node] = hi;
    this.nParent[node] = parent;
    this.nLive[node] = hi - lo;
    let minX = Infinity;
    let minY = Infinity;
    let minZ = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let maxZ = -Infinity;
    for (let k = lo; k < hi; k++) {
      const o = 3 * kid[k]!;
      const x = data[o]!;
      const y = data[o + 1]!;
      const z = data[o + 2]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    this.nMinX[node] = minX;
    this.nMinY[node] = minY;
    this.nMinZ[node] = minZ;
    if (hi - lo <= LEAF) {
      this.nLeft[node] = -1;
      for (let k = lo; k < hi; k++) this.leafOf[k] = node;
      return;
    }
    const ex = maxX - minX;
    const ey = maxY - minY;
    const ez = maxZ - minZ;
    const dim = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
    const mid = (lo + hi) >>> 1;
    select(data, kid, dim, lo, hi - 1, mid);
    this.nDim[node] = dim;
    this.nSplit[node] = data[3 * kid[mid]! + dim]!;
    const left = this.nodes;
    this.nodes += 2;
    this.nLeft[node] = left;
    this.build(left, lo, mid, node);
    this.build(left + 1, mid, hi, node);
  }

  remove(row: number): void {
    this.alive[row] = 0;
    const k = this.slotOf[row]!;
    this.kAlive[k] = 0;
    for (let node = this.leafOf[k]!; node >= 0; node = this.nParent[node]!) this.nLive[node] = this.nLive[node]! - 1;
  }

  /** Records that p's current contribution depends on q. */
  register(q: number, p: number): void {
    const n = this.nEnt;
    if (n === this.entP.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(2 * n);
        b.set(a);
        return b;
      };
      this.entP = grow(this.entP);
      this.entV = grow(this.entV);
      this.entNext = grow(this.entNext);
    }
    this.entP[n] = p;
    this.entV[n] = this.version[p]!;
    this.entNext[n] = this.head[q]!;
    this.head[q] = n;
    this.nEnt = n + 1;
  }
}

/** Quickselect: reorders idx[lo..hi] so idx[k] holds the k-th smallest by coordinate dim. */
function select(data: Float64Array, idx: Int32Array, dim: number, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const pivot = data[3 * idx[(lo + hi) >>> 1]! + dim]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (data[3 * idx[i]! + dim]! < pivot) i++;
      while (data[3 * idx[j]! + dim]! > pivot) j--;
      if (i <= j) {
        const tmp = idx[i]!;
        idx[i] = idx[j]!;
        idx[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
