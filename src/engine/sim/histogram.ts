/**
 * A log-linear histogram of positive values (latencies in ms): each power of two is split into
 * SUB linear sub-buckets, so a reported percentile is within 1/(2·SUB) of the true value
 * (0.05% with 1024) and memory is fixed whatever the number of samples.
 */
export class Histogram {
  private readonly counts: Float64Array;
  private total = 0;
  private sum = 0;
  private maxSeen = 0;

  /**
   * @param sub sub-buckets per power of two. @default 1024
   * @param minExp smallest power of two kept (2^-10 ms ≈ 1 µs). @default -10
   * @param maxExp largest power of two kept (2^24 ms ≈ 4.6 h). @default 24
   */
  constructor(private readonly sub = 1024, private readonly minExp = -10, private readonly maxExp = 24) {
    this.counts = new Float64Array((maxExp - minExp + 1) * sub);
  }

  record(value: number): void {
    this.total += 1;
    this.sum += value;
    if (value > this.maxSeen) this.maxSeen = value;
    this.counts[this.index(value)] += 1;
  }

  get count(): number {
    return this.total;
  }

  mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  max(): number {
    return this.maxSeen;
  }

  /** The value below which a fraction `q` (0–1) of samples fall: the midpoint of that bucket. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i += 1) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(this.maxSeen, this.midpoint(i));
    }
    return this.maxSeen;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
    this.maxSeen = 0;
  }

  private index(value: number): number {
    if (!(value > 0)) return 0;
    let exp = Math.floor(Math.log2(value));
    if (exp < this.minExp) return 0;
    if (exp > this.maxExp) return this.counts.length - 1;
    let frac = value / 2 ** exp - 1;
    // log2 can be off by one at exact powers of two; keep frac in [0, 1).
    if (frac >= 1) {
      exp += 1;
      frac = value / 2 ** exp - 1;
    } else if (frac < 0) {
      exp -= 1;
      frac = value / 2 ** exp - 1;
    }
    return (exp - this.minExp) * this.sub + Math.min(this.sub - 1, Math.floor(frac * this.sub));
  }

  private midpoint(i: number): number {
    const exp = Math.floor(i / this.sub) + this.minExp;
    const s = i % this.sub;
    return 2 ** exp * (1 + (s + 0.5) / this.sub);
  }
}
