/**
 * A log-linear histogram of positive values (latencies in ms): each power of two is split into
 * SUB linear sub-buckets, so a reported percentile is within 1/(2·SUB) of the true value
 * (0.05% with 1024) and memory is fixed whatever the number of samples.
 */
const FLOAT = new Float64Array(1);
/** The high 32 bits of FLOAT on a little-endian machine (every platform Node supports). */
const BITS = new Uint32Array(FLOAT.buffer);

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
  private readonly shift: number;

  constructor(
    private readonly sub = 1024,
    private readonly minExp = -10,
    private readonly maxExp = 24,
  ) {
    const bits = Math.log2(sub);
    if (!Number.isInteger(bits) || bits < 1 || bits > 20)
      throw new Error('Histogram: sub must be a power of two from 2 to 2^20');
    this.shift = 20 - bits;
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

  /** Take the state of a histogram of the same shape recorded elsewhere (the plain model's WebAssembly loop). */
  restore(counts: Float64Array, total: number, sum: number, max: number): void {
    this.counts.set(counts);
    this.total = total;
    this.sum = sum;
    this.maxSeen = max;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
    this.maxSeen = 0;
  }

  private index(value: number): number {
    if (!(value > 0)) return 0;
    // The IEEE-754 bits give the power of two (exponent) and the position inside it (the top
    // mantissa bits) exactly, without Math.log2: a third of the simulator's time before this.
    FLOAT[0] = value;
    const hi = BITS[1];
    const exp = ((hi >>> 20) & 0x7ff) - 1023;
    if (exp < this.minExp) return 0;
    if (exp > this.maxExp) return this.counts.length - 1;
    return (exp - this.minExp) * this.sub + ((hi & 0xfffff) >>> this.shift);
  }

  private midpoint(i: number): number {
    const exp = Math.floor(i / this.sub) + this.minExp;
    const s = i % this.sub;
    return 2 ** exp * (1 + (s + 0.5) / this.sub);
  }
}
