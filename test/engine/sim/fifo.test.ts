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
