import { EventHeap } from './heap.js';

/** The kind of the pending arrival (see {@link Agenda.setArrival}). */
export const ARRIVAL = 0;
/** The kind of a timeout (see {@link Agenda.scheduleTimeout}). */
export const TIMEOUT = 1;

/**
 * What happens next, in simulated time: every event in time order, events at the same time in the
 * order they were scheduled. Two streams that are already in order skip the heap: the one pending
 * arrival (half of all events in a plain run) and timeouts, which all have the same length and so
 * come due in the order they were set. A single sequence counter across all three keeps the order
 * exactly what one heap would give.
 */
export class Agenda {
  private readonly heap = new EventHeap();
  private seq = 0;

  private arrivalAt = Infinity;
  private arrivalSeq = 0;

  private mask = 255;
  private tTime = new Float64Array(256);
  private tSeq = new Float64Array(256);
  private tData = new Int32Array(256);
  private tHead = 0;
  private tCount = 0;

  /** The event {@link next} took. */
  time = 0;
  kind = 0;
  data = 0;

  /** Schedule an event of `kind` (2 and up; 0 and 1 are the agenda's own) with an integer payload. */
  schedule(time: number, kind: number, data: number): void {
    this.heap.push(time, this.seq++, kind, data);
  }

  /** Set the next arrival, replacing any pending one (a rate change redraws it). */
  setArrival(time: number): void {
    this.arrivalAt = time;
    this.arrivalSeq = this.seq++;
  }

  clearArrival(): void {
    this.arrivalAt = Infinity;
  }

  /** Schedule a timeout. Timeouts must come due in the order they are scheduled (one fixed length). */
  scheduleTimeout(time: number, data: number): void {
    if (this.tCount > this.mask) this.growTimeouts();
    const i = (this.tHead + this.tCount) & this.mask;
    this.tTime[i] = time;
    this.tSeq[i] = this.seq++;
    this.tData[i] = data;
    this.tCount += 1;
  }

  /** Take the earliest event due before `end` into time/kind/data; false when there is none. */
  next(end: number): boolean {
    let source = 0;
    let time = end;
    let seq = 0;
    if (this.arrivalAt < time) {
      source = 1;
      time = this.arrivalAt;
      seq = this.arrivalSeq;
    }
    if (this.tCount > 0) {
      const t = this.tTime[this.tHead];
      if (t < time || (source !== 0 && t === time && this.tSeq[this.tHead] < seq)) {
        source = 2;
        time = t;
        seq = this.tSeq[this.tHead];
      }
    }
    const heap = this.heap;
    if (heap.size > 0) {
      const t = heap.peekTime();
      if (t < time || (source !== 0 && t === time && heap.peekSeq() < seq)) source = 3;
    }
    switch (source) {
      case 1:
        this.time = time;
        this.kind = ARRIVAL;
        this.data = 0;
        this.arrivalAt = Infinity;
        return true;
      case 2:
        this.time = time;
        this.kind = TIMEOUT;
        this.data = this.tData[this.tHead];
        this.tHead = (this.tHead + 1) & this.mask;
        this.tCount -= 1;
        return true;
      case 3:
        heap.pop();
        this.time = heap.topTime;
        this.kind = heap.topKind;
        this.data = heap.topData;
        return true;
      default:
        return false;
    }
  }

  private growTimeouts(): void {
    const size = (this.mask + 1) * 2;
    const time = new Float64Array(size);
    const seq = new Float64Array(size);
    const data = new Int32Array(size);
    for (let k = 0; k < this.tCount; k += 1) {
      const i = (this.tHead + k) & this.mask;
      time[k] = this.tTime[i];
      seq[k] = this.tSeq[i];
      data[k] = this.tData[i];
    }
    this.tTime = time;
    this.tSeq = seq;
    this.tData = data;
    this.tHead = 0;
    this.mask = size - 1;
  }
}
