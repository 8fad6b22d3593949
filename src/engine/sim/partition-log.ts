/**
 * One partition's log: every message's produce time, key and per-key sequence number, by offset.
 * Offsets below the oldest committed position can never be read again, so they are dropped when they
 * fill half the buffer: memory follows the lag, not the number of messages produced.
 */
export class PartitionLog {
  /** Offset of the first message still held. */
  private base = 0;
  private times = new Float64Array(1024);
  private keys = new Int32Array(1024);
  private seqs = new Int32Array(1024);
  /** Offset the next message gets (Kafka's log-end offset). */
  end = 0;

  append(time: number, key: number, seq: number): void {
    let i = this.end - this.base;
    if (i === this.times.length) {
      this.resize(this.times.length * 2);
      i = this.end - this.base;
    }
    this.times[i] = time;
    this.keys[i] = key;
    this.seqs[i] = seq;
    this.end += 1;
  }

  time(offset: number): number {
    return this.times[offset - this.base];
  }

  key(offset: number): number {
    return this.keys[offset - this.base];
  }

  seq(offset: number): number {
    return this.seqs[offset - this.base];
  }

  /** Forget offsets below `offset` (nothing will read them again). */
  trim(offset: number): void {
    if (offset - this.base > this.times.length / 2) this.resize(this.times.length, offset);
  }

  private resize(capacity: number, newBase = this.base): void {
    const from = newBase - this.base;
    const used = this.end - newBase;
    const copy = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      b.set(a.subarray(from, from + used));
      return b;
    };
    this.times = copy(this.times, new Float64Array(capacity));
    this.keys = copy(this.keys, new Int32Array(capacity));
    this.seqs = copy(this.seqs, new Int32Array(capacity));
    this.base = newBase;
  }
}
