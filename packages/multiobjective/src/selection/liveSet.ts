import { exclusiveVolume } from '../indicators/exclusiveVolume';
import { exclusiveVolume3d } from '../indicators/exclusiveVolume3d';
import { argsortByKey } from '../internal/argsortLex';

/**
 * A changing subset of rows (all strictly inside the reference) that can answer "exclusive
 * volume of row i with respect to the current members" quickly; shared by the greedy HSSP
 * variants. In 3-D the members are kept sorted by z so a query is one clipped sweep (no sort).
 */
export class LiveSet {
  private readonly members: Int32Array;
  private count = 0;
  private readonly sx: Float64Array;
  private readonly sy: Float64Array;
  private readonly sz: Float64Array;
  private readonly stair: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    private readonly data: Float64Array,
    private readonly n: number,
    private readonly d: number,
    private readonly ref: Float64Array,
  ) {
    this.members = new Int32Array(n);
    const sorted = d === 2 || d === 3;
    this.sx = new Float64Array(sorted ? n : 0);
    this.sy = new Float64Array(sorted ? n : 0);
    this.sz = new Float64Array(d === 3 ? n : 0);
    this.stair = new Float64Array(d === 3 ? 2 * n + 2 : 0);
    this.scratch = new Float64Array(sorted ? 0 : n * d);
  }

  get size(): number {
    return this.count;
  }

  /** Makes every row a member (2-D: sorted by x, 3-D: sorted by z). */
  fill(rows: ArrayLike<number>): void {
    const m = rows.length;
    const d = this.d;
    if (d === 2 || d === 3) {
      const z = new Float64Array(m);
      for (let t = 0; t < m; t++) z[t] = this.data[d * rows[t]! + (d === 3 ? 2 : 0)]!;
      const order = argsortByKey(z, m);
      for (let t = 0; t < m; t++) this.members[t] = rows[order[t]!]!;
    } else {
      for (let t = 0; t < m; t++) this.members[t] = rows[t]!;
    }
    this.count = m;
    this.sync();
  }

  add(row: number): void {
    const members = this.members;
    let at = this.count;
    const d = this.d;
    if (d === 2 || d === 3) {
      // Sort key: z in 3-D, x in 2-D.
      const c = d === 3 ? 2 : 0;
      const z = this.data[d * row + c]!;
      while (at > 0 && this.data[d * members[at - 1]! + c]! > z) at--;
      members.copyWithin(at + 1, at, this.count);
    }
    members[at] = row;
    this.count++;
    this.sync();
  }

  remove(row: number): void {
    const members = this.members;
    let k = 0;
    for (let t = 0; t < this.count; t++) if (members[t] !== row) members[k++] = members[t]!;
    this.count = k;
    this.sync();
  }

  /** Exclusive volume of `row` against the members other than itself. */
  exclusive(row: number): number {
    const { data, d, ref } = this;
    if (d === 3) {
      let skip = -1;
      for (let t = 0; t < this.count; t++) if (this.members[t] === row) skip = t;
      return exclusiveVolume3d(
        data[3 * row]!,
        data[3 * row + 1]!,
        data[3 * row + 2]!,
        this.sx,
        this.sy,
        this.sz,
        this.count,
        ref[0]!,
        ref[1]!,
        ref[2]!,
        this.stair,
        skip,
      );
    }
    if (d === 2) return this.exclusive2d(row);
    let skip = -1;
    for (let t = 0; t < this.count; t++) if (this.members[t] === row) skip = t;
    return exclusiveVolume(data, row * d, this.scratch, this.count, d, ref, skip);
  }

  /** Box minus the union of the other members clipped to it; members are sorted by x. */
  private exclusive2d(row: number): number {
    const { data, ref, sx, sy } = this;
    const px = data[2 * row]!;
    const py = data[2 * row + 1]!;
    const rx = ref[0]!;
    let best = ref[1]!;
    let covered = 0;
    for (let t = 0; t < this.count; t++) {
      if (this.members[t] === row) continue;
      const lx = sx[t]! > px ? sx[t]! : px;
      const ly = sy[t]! > py ? sy[t]! : py;
      if (lx === px && ly === py) return 0;
      if (ly < best) {
        covered += (rx - lx) * (best - ly);
        best = ly;
      }
    }
    const v = (rx - px) * (ref[1]! - py) - covered;
    return v > 0 ? v : 0;
  }

  private sync(): void {
    const { data, d, members, count } = this;
    if (d === 2) {
      for (let t = 0; t < count; t++) {
        this.sx[t] = data[2 * members[t]!]!;
        this.sy[t] = data[2 * members[t]! + 1]!;
      }
    } else if (d === 3) {
      for (let t = 0; t < count; t++) {
        const o = 3 * members[t]!;
        this.sx[t] = data[o]!;
        this.sy[t] = data[o + 1]!;
        this.sz[t] = data[o + 2]!;
      }
    } else {
      for (let t = 0; t < count; t++) {
        const o = members[t]! * d;
        for (let j = 0; j < d; j++) this.scratch[t * d + j] = data[o + j]!;
      }
    }
  }
}
