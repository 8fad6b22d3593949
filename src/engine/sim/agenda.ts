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
export class Agenda extends EventHeap {
  private seq = 0;

  private arrivalAt = Infinity;
  private arrivalSeq = 0;

  private mask = 255;
  private tTime = new Float64Array(256);
  private tSeq = new Float64Array(256);
  private tData = new Int32Array(256);
  private tHead = 0;
  private tCount = 0;

  /** Schedule an event of `kind` (2 to 15; 0 and 1 are the agenda's own) with an integer payload. */
  schedule(time: number, kind: number, data: number): void {
    this.push(time, this.seq++, kind, data);
  }

  /**
   * Set the next arrival, replacing any pending one (a rate change redraws it); Infinity for none.
   * Without a branch: the last arrival of a run is the first past its end, and a path never taken
   * before would throw the loop's optimised code away (then compile it again) one event from the end.
   */
  setArrival(time: number): void {
    this.arrivalAt = time;
    this.arrivalSeq = this.seq;
    this.seq += time === Infinity ? 0 : 1;
  }

  clearArrival(): void {
    this.setArrival(Infinity);
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

  /**
   * Take the earliest event due before `end` into topTime, topKind and topData; false when there
   * is none (the event stays for a later call with a later end).
   */
  next(end: number): boolean {
    const at = this.arrivalAt;
    const ht = this.n > 0 ? this.a[0] : Infinity;
    const arrivalFirst = at < ht || (at === ht && at !== Infinity && this.arrivalSeq < this.a[1]);
    if (this.tCount > 0) {
      // A timeout goes first if it is earlier than the earlier of arrival and heap; ties by sequence.
      const tt = this.tTime[this.tHead];
      const ts = this.tSeq[this.tHead];
      const bt = arrivalFirst ? at : ht;
      const bs = arrivalFirst ? this.arrivalSeq : this.a[1];
      if (tt < bt || (tt === bt && ts < bs)) {
        if (tt >= end) return false;
        this.topTime = tt;
        this.topSeq = ts;
        this.topKind = TIMEOUT;
        this.topData = this.tData[this.tHead];
        this.tHead = (this.tHead + 1) & this.mask;
        this.tCount -= 1;
        return true;
      }
    }
    if (arrivalFirst) return this.takeArrival(end);
    if (ht >= end) return false;
    this.pop();
    return true;
  }

  private takeArrival(end: number): boolean {
    if (this.arrivalAt >= end) return false;
    this.topTime = this.arrivalAt;
    this.topSeq = this.arrivalSeq;
    this.topKind = ARRIVAL;
    this.topData = 0;
    this.arrivalAt = Infinity;
    return true;
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
