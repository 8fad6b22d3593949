/**
 * The event queue: a binary min-heap on typed arrays, ordered by time and, for equal times, by
 * insertion order (so a run is deterministic). Each event carries a kind and an integer payload.
 */
export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Uint8Array;
  private data: Int32Array;
  private n = 0;
  private counter = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.data = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  push(time: number, kind: number, data: number): void {
    if (this.n === this.time.length) this.grow();
    let i = this.n++;
    const seq = this.counter++;
    // Sift up: move parents down until the slot for the new event is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.time[p] < time || (this.time[p] === time && this.seq[p] < seq)) break;
      this.move(p, i);
      i = p;
    }
    this.time[i] = time;
    this.seq[i] = seq;
    this.kind[i] = kind;
    this.data[i] = data;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.n === 0 ? Infinity : this.time[0];
  }

  /** Remove the earliest event; read it with the `top*` fields it leaves. */
  pop(): void {
    this.topTime = this.time[0];
    this.topKind = this.kind[0];
    this.topData = this.data[0];
    const last = --this.n;
    if (last === 0) return;
    const t = this.time[last];
    const s = this.seq[last];
    const k = this.kind[last];
    const d = this.data[last];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && (this.time[c + 1] < this.time[c] || (this.time[c + 1] === this.time[c] && this.seq[c + 1] < this.seq[c]))) c += 1;
      if (t < this.time[c] || (t === this.time[c] && s < this.seq[c])) break;
      this.move(c, i);
      i = c;
    }
    this.time[i] = t;
    this.seq[i] = s;
    this.kind[i] = k;
    this.data[i] = d;
  }

  topTime = 0;
  topKind = 0;
  topData = 0;

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.seq[to] = this.seq[from];
    this.kind[to] = this.kind[from];
    this.data[to] = this.data[from];
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.seq = grow(this.seq, (n) => new Float64Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.data = grow(this.data, (n) => new Int32Array(n));
  }
}
