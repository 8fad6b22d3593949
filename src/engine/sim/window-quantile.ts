import { Histogram } from './histogram.js';

/** Most values kept exactly per window; past this the window spills into a histogram (memory stays bounded). */
const EXACT_CAP = 1 << 16;

/**
 * One window's values (a simulated second's latencies) for a quantile at its end. Up to 65,536 values
 * are kept as they are and the quantile is exact (nearest rank, by quickselect: linear time); a
 * busier window spills into a log-linear histogram (within 1/128 of the value). Recording is a store,
 * where a histogram would cost an index computation per value.
 */
export class WindowQuantile {
  private values = new Float64Array(256);
  private n = 0;
  private spill: Histogram | undefined;

  record(value: number): void {
    if (this.n < this.values.length) this.values[this.n++] = value;
    else this.overflow(value);
  }

  get count(): number {
    return this.n + (this.spill?.count ?? 0);
  }

  /** The nearest-rank q-quantile (0 < q ≤ 1) of the window, 0 when it is empty. */
  quantile(q: number): number {
    if (this.spill !== undefined && this.spill.count > 0) {
      for (let i = 0; i < this.n; i += 1) this.spill.record(this.values[i]);
      this.n = 0;
      return this.spill.quantile(q);
    }
    if (this.n === 0) return 0;
    const k = Math.max(1, Math.ceil(q * this.n)) - 1;
    return select(this.values, this.n, k);
  }

  reset(): void {
    this.n = 0;
    if (this.spill !== undefined && this.spill.count > 0) this.spill.reset();
  }

  private overflow(value: number): void {
    if (this.values.length < EXACT_CAP) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
      this.values[this.n++] = value;
      return;
    }
    this.spill ??= new Histogram(64);
    this.spill.record(value);
  }
}

/** The k-th smallest (0-based) of a[0..n), reordering a (Hoare's quickselect, median-of-three pivot). */
export function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three to the middle, so sorted or reversed input stays linear.
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i += 1;
      while (a[j] > pivot) j -= 1;
      if (i <= j) {
        swap(a, i, j);
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
