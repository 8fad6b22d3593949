/** A first-in, first-out queue of non-negative integers in a ring buffer that grows: no garbage per item. */
export class IntFifo {
  protected items = new Int32Array(16);
  protected head = 0;
  protected n = 0;

  get size(): number {
    return this.n;
  }

  push(value: number): void {
    if (this.n === this.items.length) this.grow();
    this.items[(this.head + this.n) & (this.items.length - 1)] = value;
    this.n += 1;
  }

  /** The oldest item, removed; −1 when empty. */
  shift(): number {
    if (this.n === 0) return -1;
    const value = this.items[this.head];
    this.head = (this.head + 1) & (this.items.length - 1);
    this.n -= 1;
    return value;
  }

  clear(): void {
    this.head = 0;
    this.n = 0;
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    for (let k = 0; k < this.n; k += 1) items[k] = this.items[(this.head + k) & (this.items.length - 1)];
    this.items = items;
    this.head = 0;
  }
}
