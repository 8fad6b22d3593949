import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntFifo } from '../../../src/engine/sim/fifo.js';

describe('IntFifo', () => {
  it('behaves like an array used as a queue, through growth and wrap-around', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat({ max: 1e6 }), fc.constant(-1), fc.constant(-2)), { maxLength: 500 }),
        (ops) => {
          const fifo = new IntFifo();
          const model: number[] = [];
          for (const op of ops) {
            if (op === -1) expect(fifo.shift()).toBe(model.length > 0 ? model.shift() : -1);
            else if (op === -2) {
              fifo.clear();
              model.length = 0;
            } else {
              fifo.push(op);
              model.push(op);
            }
            expect(fifo.size).toBe(model.length);
          }
        },
      ),
    );
  });
});

describe('IntFifo at its growth', () => {
  it('a full ring that has wrapped keeps its order when it grows', () => {
    // 16 slots: push 10, take 6 (head at 6), push 12 more (wraps, full at 16), then one more grows it.
    const fifo = new IntFifo();
    for (let k = 0; k < 10; k += 1) fifo.push(k);
    expect([0, 1, 2, 3, 4, 5].map(() => fifo.shift())).toEqual([0, 1, 2, 3, 4, 5]);
    for (let k = 10; k < 23; k += 1) fifo.push(k);
    expect(fifo.size).toBe(17);
    expect(Array.from({ length: 17 }, () => fifo.shift())).toEqual(Array.from({ length: 17 }, (_, k) => k + 6));
    expect(fifo.shift()).toBe(-1);
  });
});
