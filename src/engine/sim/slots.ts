/**
 * Requests and attempts in flight live in typed-array columns whose slots are reused, so memory is
 * bounded by what is in flight at once, never by the number of requests in a run.
 */

/** A copy of `a` in a new array of `size` (larger) elements. */
export function grown<T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** A request: what the client asked, over all its attempts. */
export class RequestSlots {
  start = new Float64Array(1024);
  client = new Int32Array(1024);
  tries = new Int32Array(1024);
  /** The previous backoff delay (decorrelated jitter grows from it). */
  prevDelay = new Float64Array(1024);
  private readonly free: number[] = [];
  private next = 0;

  take(now: number, client: number): number {
    const r = this.free.length > 0 ? this.free.pop()! : this.next++;
    if (r >= this.start.length) this.grow();
    this.start[r] = now;
    this.client[r] = client;
    this.tries[r] = 0;
    this.prevDelay[r] = 0;
    return r;
  }

  release(r: number): void {
    this.free.push(r);
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.start = grown(this.start, size);
    this.client = grown(this.client, size);
    this.tries = grown(this.tries, size);
    this.prevDelay = grown(this.prevDelay, size);
  }
}

/** Not through a breaker (see {@link AttemptSlots.breaker}). */
export const NO_BREAKER = 255;

/** An attempt: one try of a request at one server. */
export class AttemptSlots {
  req = new Int32Array(1024);
  server = new Int32Array(1024);
  start = new Float64Array(1024);
  /** The server's crash count when the attempt reached it: a later crash lost it. */
  epoch = new Int32Array(1024);
  /** The client still waits for it. */
  waiting = new Uint8Array(1024);
  /** A server still holds it. */
  working = new Uint8Array(1024);
  /** Breaker state code when it started, or NO_BREAKER. */
  breaker = new Uint8Array(1024);
  /** When it was taken, as a count of takes: orders the attempts a crash finds. */
  order = new Float64Array(1024);
  /** On the free list (freeing twice would hand one slot to two attempts). */
  private freed = new Uint8Array(1024);
  private readonly free: number[] = [];
  private next = 0;
  private taken = 0;

  take(now: number, req: number, server: number, epoch: number, breaker: number): number {
    const a = this.free.length > 0 ? this.free.pop()! : this.next++;
    if (a >= this.req.length) this.grow();
    this.req[a] = req;
    this.server[a] = server;
    this.start[a] = now;
    this.epoch[a] = epoch;
    this.waiting[a] = 1;
    this.working[a] = 1;
    this.breaker[a] = breaker;
    this.order[a] = this.taken++;
    this.freed[a] = 0;
    return a;
  }

  /**
   * The attempts a server holds (in service or queued) since its crash count was `epoch`, oldest
   * first. A scan of the slots, for a crash (a rare event): a set per server cost an insertion and a
   * deletion per attempt.
   */
  heldBy(server: number, epoch: number): number[] {
    const held: number[] = [];
    for (let a = 0; a < this.next; a += 1)
      if (this.working[a] && this.server[a] === server && this.epoch[a] === epoch) held.push(a);
    return held.sort((x, y) => this.order[x] - this.order[y]);
  }

  /** Reuse the slot once neither the client nor a server holds it. */
  release(a: number): void {
    if (!this.waiting[a] && !this.working[a] && !this.freed[a]) {
      this.freed[a] = 1;
      this.free.push(a);
    }
  }

  private grow(): void {
    const size = this.req.length * 2;
    this.req = grown(this.req, size);
    this.server = grown(this.server, size);
    this.start = grown(this.start, size);
    this.epoch = grown(this.epoch, size);
    this.waiting = grown(this.waiting, size);
    this.working = grown(this.working, size);
    this.breaker = grown(this.breaker, size);
    this.order = grown(this.order, size);
    this.freed = grown(this.freed, size);
  }
}
