import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttemptSlots, NO_BREAKER, RequestSlots, grown } from '../../../src/engine/sim/slots.js';

/** The server answers and the client has it: the slot goes back to the free list. */
function finish(atts: AttemptSlots, a: number): void {
  atts.working[a] = 0;
  atts.waiting[a] = 0;
  atts.release(a);
}

describe('AttemptSlots.heldBy (what a crash fails)', () => {
  it('lists a server’s attempts in the order they were taken, not by slot: a reused slot is the newest', () => {
    const atts = new AttemptSlots();
    const first = atts.take(0, 0, 0, 0, NO_BREAKER); // slot 0
    const other = atts.take(0, 1, 1, 0, NO_BREAKER); // slot 1, another server
    const second = atts.take(0, 2, 0, 0, NO_BREAKER); // slot 2
    finish(atts, first);
    const third = atts.take(0, 3, 0, 0, NO_BREAKER); // slot 0 again
    expect([first, other, second, third]).toEqual([0, 1, 2, 0]);
    expect(atts.heldBy(0, 0)).toEqual([2, 0]);
    expect(atts.heldBy(1, 0)).toEqual([1]);
  });

  it('leaves out attempts the server let go of and those from before its last crash', () => {
    const atts = new AttemptSlots();
    const answered = atts.take(0, 0, 0, 0, NO_BREAKER);
    const lostEarlier = atts.take(0, 1, 0, 0, NO_BREAKER);
    const current = atts.take(0, 2, 0, 1, NO_BREAKER);
    atts.working[answered] = 0; // answered, the client not told yet: the slot is still taken
    expect(atts.heldBy(0, 1)).toEqual([current]);
    expect(atts.heldBy(0, 0)).toEqual([lostEarlier]);
    expect(atts.heldBy(2, 0)).toEqual([]);
  });

  it('agrees with a set per server kept in insertion order, through answers, crashes and slot reuse', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('take' as const), server: fc.nat({ max: 2 }) }),
      fc.record({ kind: fc.constant('answer' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('crash' as const), server: fc.nat({ max: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const atts = new AttemptSlots();
        const epoch = [0, 0, 0];
        const sets = [new Set<number>(), new Set<number>(), new Set<number>()];
        for (const o of ops) {
          if (o.kind === 'take') sets[o.server].add(atts.take(0, 0, o.server, epoch[o.server], NO_BREAKER));
          else if (o.kind === 'answer') {
            const held = sets.flatMap((s) => [...s]);
            if (held.length === 0) continue;
            const a = held[o.pick % held.length];
            for (const s of sets) s.delete(a);
            finish(atts, a);
          } else {
            expect(atts.heldBy(o.server, epoch[o.server])).toEqual([...sets[o.server]]);
            // As the model does: the lost attempts' clients fail, their slots are never reused.
            for (const a of sets[o.server]) atts.waiting[a] = 0;
            sets[o.server].clear();
            epoch[o.server] += 1;
          }
        }
        for (let s = 0; s < 3; s += 1) expect(atts.heldBy(s, epoch[s])).toEqual([...sets[s]]);
      }),
    );
  });
});

describe('slots past their first 1,024', () => {
  it('RequestSlots: reuses a released slot first, then grows and keeps every column', () => {
    const reqs = new RequestSlots();
    expect(reqs.take(5, 7)).toBe(0);
    reqs.release(0);
    expect(reqs.take(6, 8)).toBe(0);
    for (let r = 1; r < 2000; r += 1) expect(reqs.take(r, r % 10)).toBe(r);
    expect(reqs.start.length).toBe(2048);
    expect([reqs.start[0], reqs.client[0], reqs.start[1500], reqs.client[1500]]).toEqual([6, 8, 1500, 0]);
    reqs.tries[1999] = 3;
    reqs.prevDelay[1999] = 40;
    reqs.release(1999);
    expect(reqs.take(9, 1)).toBe(1999);
    expect([reqs.start[1999], reqs.tries[1999], reqs.prevDelay[1999]]).toEqual([9, 0, 0]);
  });

  it('AttemptSlots: slot 1,024 and beyond keep what they were given', () => {
    const atts = new AttemptSlots();
    for (let a = 0; a < 1100; a += 1) expect(atts.take(a, a + 1, a % 3, 2, NO_BREAKER)).toBe(a);
    expect([atts.req[1024], atts.server[1024], atts.start[1024], atts.epoch[1099]]).toEqual([1025, 1024 % 3, 1024, 2]);
    expect(atts.heldBy(0, 2)).toHaveLength(367);
  });

  it('grown copies into a larger array of the same kind', () => {
    const a = grown(Int32Array.from([1, 2, 3]), 5);
    expect(a).toBeInstanceOf(Int32Array);
    expect([...a]).toEqual([1, 2, 3, 0, 0]);
  });
});
