import { IntFifo } from './fifo.js';

/** A double-ended queue of integers in a growing ring buffer: FIFO takes the front, LIFO the back. */
export class IntDeque extends IntFifo {
  /** The newest item, removed; −1 when empty. */
  pop(): number {
    if (this.n === 0) return -1;
    this.n -= 1;
    return this.items[(this.head + this.n) & (this.items.length - 1)];
  }

  /** The item `k` places from the front (0 is the oldest). */
  at(k: number): number {
    return this.items[(this.head + k) & (this.items.length - 1)];
  }
}
