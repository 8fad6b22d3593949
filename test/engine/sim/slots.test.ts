import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttemptSlots, NO_BREAKER } from '../../../src/engine/sim/slots.js';

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
