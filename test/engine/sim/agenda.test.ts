import { describe, expect, it } from 'vitest';
import { ARRIVAL, Agenda, TIMEOUT } from '../../../src/engine/sim/agenda.js';
import { EventHeap } from '../../../src/engine/sim/heap.js';
import { Rng } from '../../../src/engine/sim/rng.js';

function drain(agenda: Agenda, end = Infinity): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  while (agenda.next(end)) out.push([agenda.topTime, agenda.topKind, agenda.topData]);
  return out;
}

describe('event heap', () => {
  it('pops 10,000 random events in time order, equal times in sequence order, with kind and payload intact', () => {
    const heap = new EventHeap(4); // starts small so it has to grow
    const rng = new Rng(11);
    const pushed: Array<{ time: number; seq: number; kind: number; data: number }> = [];
    for (let seq = 0; seq < 10_000; seq += 1) {
      const e = { time: rng.int(500), seq, kind: rng.int(16), data: rng.int(1 << 26) };
      pushed.push(e);
      heap.push(e.time, e.seq, e.kind, e.data);
    }
    pushed.sort((x, y) => x.time - y.time || x.seq - y.seq);
    const popped = [];
    while (heap.size > 0) {
      heap.pop();
      popped.push({ time: heap.topTime, seq: heap.topSeq, kind: heap.topKind, data: heap.topData });
    }
    expect(popped).toEqual(pushed);
  });
});

describe('agenda', () => {
  it('orders events at the same time by when they were scheduled, across arrival, timeouts and the heap', () => {
    const agenda = new Agenda();
    agenda.schedule(5, 2, 1);
    agenda.scheduleTimeout(5, 7);
    agenda.setArrival(5);
    agenda.schedule(5, 3, 2);
    agenda.scheduleTimeout(6, 8);
    agenda.schedule(4, 4, 3);
    expect(drain(agenda)).toEqual([
      [4, 4, 3],
      [5, 2, 1],
      [5, TIMEOUT, 7],
      [5, ARRIVAL, 0],
      [5, 3, 2],
      [6, TIMEOUT, 8],
    ]);
  });

  it('a new arrival replaces the pending one; cleared, none comes', () => {
    const agenda = new Agenda();
    agenda.setArrival(10);
    agenda.setArrival(3);
    expect(drain(agenda)).toEqual([[3, ARRIVAL, 0]]);
    agenda.setArrival(4);
    agenda.clearArrival();
    expect(drain(agenda)).toEqual([]);
  });

  it('stops before the end time and keeps later events', () => {
    const agenda = new Agenda();
    agenda.schedule(9, 2, 0);
    agenda.scheduleTimeout(10, 1);
    agenda.setArrival(10);
    expect(drain(agenda, 10)).toEqual([[9, 2, 0]]);
    expect(drain(agenda)).toEqual([
      [10, TIMEOUT, 1],
      [10, ARRIVAL, 0],
    ]);
  });

  it('keeps thousands of timeouts in order while they wrap around and grow the ring', () => {
    const agenda = new Agenda();
    const seen: number[] = [];
    let t = 0;
    for (let round = 0; round < 20; round += 1) {
      for (let k = 0; k < 300 * (round % 4); k += 1) agenda.scheduleTimeout((t += 1), t);
      for (let k = 0; k < 200 && agenda.next(Infinity); k += 1) seen.push(agenda.topData);
    }
    while (agenda.next(Infinity)) seen.push(agenda.topData);
    expect(seen).toEqual(Array.from({ length: t }, (_, i) => i + 1));
  });
});
