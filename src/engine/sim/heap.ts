/** Numbers per event in the heap's one array: time, sequence number, payload. */
const STRIDE = 3;
/** The payload packs the kind into its low 4 bits: data · 16 + kind. */
const KINDS = 16;

/**
 * A binary min-heap of events, ordered by time and, for equal times, by a sequence number the caller
 * gives (the order events were scheduled in, so a run is deterministic). Each event carries a kind
 * (0–15) and a non-negative integer payload. The three numbers of an event sit side by side in one
 * Float64Array: one array to load and move, and neighbours in the same cache line.
 */
export class EventHeap {
  protected a: Float64Array;
  protected n = 0;

  /** The event {@link pop} removed. */
  topTime = 0;
  topSeq = 0;
  topKind = 0;
  topData = 0;

  constructor(capacity = 1024) {
    this.a = new Float64Array(capacity * STRIDE);
  }

  get size(): number {
    return this.n;
  }

  push(time: number, seq: number, kind: number, data: number): void {
    if ((this.n + 1) * STRIDE > this.a.length) this.grow();
    const a = this.a;
    let i = this.n++;
    // Sift up: move parents down until the slot for the new event is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = a[p * STRIDE];
      if (pt < time || (pt === time && a[p * STRIDE + 1] < seq)) break;
      a[i * STRIDE] = pt;
      a[i * STRIDE + 1] = a[p * STRIDE + 1];
      a[i * STRIDE + 2] = a[p * STRIDE + 2];
      i = p;
    }
    a[i * STRIDE] = time;
    a[i * STRIDE + 1] = seq;
    a[i * STRIDE + 2] = data * KINDS + kind;
  }

  /** Remove the earliest event; read it with the `top*` fields it leaves. */
  pop(): void {
    const a = this.a;
    this.topTime = a[0];
    this.topSeq = a[1];
    const payload = a[2];
    // Not payload % KINDS: the remainder of a double is a call into the C library, a tenth of a run.
    const data = Math.floor(payload / KINDS);
    this.topKind = payload - data * KINDS;
    this.topData = data;
    const last = --this.n;
    if (last === 0) return;
    const t = a[last * STRIDE];
    const s = a[last * STRIDE + 1];
    const d = a[last * STRIDE + 2];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      let ct = a[c * STRIDE];
      if (c + 1 < last) {
        const rt = a[(c + 1) * STRIDE];
        if (rt < ct || (rt === ct && a[(c + 1) * STRIDE + 1] < a[c * STRIDE + 1])) {
          c += 1;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < a[c * STRIDE + 1])) break;
      a[i * STRIDE] = ct;
      a[i * STRIDE + 1] = a[c * STRIDE + 1];
      a[i * STRIDE + 2] = a[c * STRIDE + 2];
      i = c;
    }
    a[i * STRIDE] = t;
    a[i * STRIDE + 1] = s;
    a[i * STRIDE + 2] = d;
  }

  private grow(): void {
    const b = new Float64Array(this.a.length * 2);
    b.set(this.a);
    this.a = b;
  }
}
