import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntDeque } from '../../../src/engine/sim/int-deque.js';

describe('IntDeque', () => {
  it('a worked sequence through wrap-around and growth: front, back and by position', () => {
    const d = new IntDeque();
    expect([d.pop(), d.shift(), d.size]).toEqual([-1, -1, 0]);
    for (let k = 0; k < 10; k += 1) d.push(k);
    // Take 8 from the front so the next pushes wrap around the 16-slot ring.
    for (let k = 0; k < 8; k += 1) expect(d.shift()).toBe(k);
    for (let k = 10; k < 30; k += 1) d.push(k); // 22 items: past 16, it grows
    expect(d.size).toBe(22);
    expect([d.at(0), d.at(1), d.at(21)]).toEqual([8, 9, 29]);
    expect([d.pop(), d.pop(), d.shift()]).toEqual([29, 28, 8]);
    expect(d.size).toBe(19);
    expect(d.at(18)).toBe(27);
  });

  it('behaves like an array used from both ends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat({ max: 1e6 }), fc.constant(-1), fc.constant(-2)), { maxLength: 400 }),
        (ops) => {
          const d = new IntDeque();
          const model: number[] = [];
          for (const op of ops) {
            if (op === -1) expect(d.shift()).toBe(model.length > 0 ? model.shift() : -1);
            else if (op === -2) expect(d.pop()).toBe(model.length > 0 ? model.pop() : -1);
            else {
              d.push(op);
              model.push(op);
            }
            expect(d.size).toBe(model.length);
            model.forEach((v, k) => expect(d.at(k)).toBe(v));
          }
        },
      ),
    );
  });
});
