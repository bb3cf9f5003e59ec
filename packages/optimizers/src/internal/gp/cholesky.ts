/**
 * In-place Cholesky factorisation of the symmetric positive-definite n x n row-major matrix `a`:
 * on success the lower triangle holds L with A = L L^T and the strict upper triangle is zeroed.
 * Returns false (leaving `a` partly overwritten) when a pivot is not positive, i.e. the matrix is
 * not numerically positive definite.
 */
export function cholesky(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j] as number;
    for (let k = 0; k < j; k++) {
      const v = a[rowJ + k] as number;
      d -= v * v;
    }
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j] as number;
      for (let k = 0; k < j; k++) s -= (a[rowI + k] as number) * (a[rowJ + k] as number);
      a[rowI + j] = s * inv;
    }
    for (let k = j + 1; k < n; k++) a[rowJ + k] = 0;
  }
  return true;
}

/**
 * Cholesky of `k` (not modified) with increasing jitter on the diagonal until it succeeds: first
 * none, then `firstJitter` times the mean diagonal, multiplied by 10 up to 6 times. Kernel matrices
 * of near-duplicate points are singular in floating point; the jitter acts as a little extra noise.
 * Returns the factor and the jitter added, or undefined when even the largest jitter fails.
 */
export function choleskyWithJitter(k: Float64Array, n: number, firstJitter = 1e-8): { factor: Float64Array; jitter: number } | undefined {
  let meanDiagonal = 0;
  for (let i = 0; i < n; i++) meanDiagonal += k[i * n + i] as number;
  meanDiagonal = n > 0 ? meanDiagonal / n : 1;
  let jitter = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const a = k.slice(0, n * n);
    if (jitter > 0) for (let i = 0; i < n; i++) a[i * n + i] = (a[i * n + i] as number) + jitter;
    if (cholesky(a, n)) return { factor: a, jitter };
    jitter = jitter === 0 ? firstJitter * meanDiagonal : jitter * 10;
  }
  return undefined;
}

/** Solves L x = b in place (forward substitution); `l` is a lower-triangular n x n factor. */
export function solveLower(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[row + k] as number) * (b[k] as number);
    b[i] = s / (l[row + i] as number);
  }
  return b;
}

/** Solves L^T x = b in place (back substitution). */
function solveLowerTranspose(l: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (b[k] as number);
    b[i] = s / (l[i * n + i] as number);
  }
  return b;
}

/** x = A^{-1} b given the Cholesky factor L of A (b is copied). */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from({ length: n }, (_, i) => b[i] as number);
  return solveLowerTranspose(l, n, solveLower(l, n, x));
}

/** A^{-1} (full symmetric n x n) from the Cholesky factor L of A: O(n^3). */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  // inv(L) column by column (lower triangular), then A^{-1} = inv(L)^T inv(L).
  const li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    li[j * n + j] = 1 / (l[j * n + j] as number);
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let k = j; k < i; k++) s -= (l[row + k] as number) * (li[k * n + j] as number);
      li[row + j] = s / (l[row + i] as number);
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += (li[k * n + i] as number) * (li[k * n + j] as number);
      inv[i * n + j] = s;
      inv[j * n + i] = s;
    }
  }
  return inv;
}
