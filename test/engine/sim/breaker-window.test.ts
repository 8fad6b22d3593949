import { describe, expect, it } from 'vitest';
import { BREAKER_DEFAULTS, CircuitBreaker } from '../../../src/engine/sim/breaker.js';
import type { BreakerOptions } from '../../../src/engine/sim/scenario.js';

const small: BreakerOptions = {
  failureRateThreshold: 50,
  slowCallDurationThreshold: 100,
  slowCallRateThreshold: 100,
  slidingWindowSize: 4,
  minimumNumberOfCalls: 4,
  waitDurationInOpenState: 5000,
  permittedNumberOfCallsInHalfOpenState: 2,
};

/** Outcomes: F failed, S succeeded fast, L succeeded slowly (200 ms against a 100 ms threshold). */
type Outcome = 'F' | 'S' | 'L';

/** Record closed-state calls one per millisecond; return the 1-based call after which it opened, or 0. */
function openedAfter(options: Partial<BreakerOptions>, outcomes: string): number {
  const b = new CircuitBreaker({ ...small, ...options });
  const list = [...outcomes] as Outcome[];
  for (let i = 0; i < list.length; i += 1) {
    expect(b.tryAcquire(i)).toBe(true);
    b.record(i, list[i] === 'F', list[i] === 'L' ? 200 : 10, 'closed');
    if (b.state === 'open') return i + 1;
  }
  return 0;
}

describe('closed: the rates over the last N calls, once enough are recorded', () => {
  it.each([
    // window 4, minimum 4, 50% failures
    [{}, 'FSSF', 4],
    [{}, 'FFF', 0],
    [{}, 'FSSS', 0],
    [{}, 'FFFS', 4],
    // A smaller minimum decides sooner; a minimum above the window is capped at the window.
    [{ minimumNumberOfCalls: 2 }, 'FS', 2],
    [{ minimumNumberOfCalls: 2 }, 'SF', 2],
    [{ minimumNumberOfCalls: 2 }, 'SSF', 0],
    [{ minimumNumberOfCalls: 10 }, 'FFFF', 4],
    [{ minimumNumberOfCalls: 1, failureRateThreshold: 100 }, 'SF', 0],
    [{ minimumNumberOfCalls: 1, failureRateThreshold: 100 }, 'F', 1],
    // Roll-over: the oldest outcome leaves the window. FSSS S drops the F (0/4), then F (1/4), F (2/4) opens at 7.
    // Had the first F stayed counted, the window would read 2/4 at call 6.
    [{}, 'FSSSSFF', 7],
    [{ failureRateThreshold: 75 }, 'FFSSSFF', 0],
    [{ failureRateThreshold: 75 }, 'FFSSFFF', 7],
    // Many times round the ring: the last four decide.
    [{}, 'SSSSSSSSSSF', 0],
    [{}, 'SSSSSSSSSSFSF', 13],
  ])('%o with %s opens after call %d (0: stays closed)', (options, outcomes, call) => {
    expect(openedAfter(options, outcomes)).toBe(call);
  });

  it.each([
    // A call is slow only when strictly longer than the threshold.
    [{ slowCallRateThreshold: 50 }, 'LSSL', 4],
    [{ slowCallRateThreshold: 50 }, 'LSSS', 0],
    [{ slowCallRateThreshold: 50 }, 'LSSSSLL', 7],
    [{ slowCallRateThreshold: 50 }, 'LSSSSL', 0],
    // Slow and failed are counted apart: two slow and one failed is neither 75% slow nor 75% failed.
    [{ slowCallRateThreshold: 75, failureRateThreshold: 75 }, 'LLFS', 0],
    [{ slowCallRateThreshold: 75, failureRateThreshold: 75 }, 'LLLS', 4],
  ])('%o with %s opens after call %d', (options, outcomes, call) => {
    expect(openedAfter(options, outcomes)).toBe(call);
  });

  it('a duration exactly at the threshold is not slow', () => {
    const b = new CircuitBreaker({ ...small, minimumNumberOfCalls: 1, slowCallRateThreshold: 1 });
    b.record(0, false, 100, 'closed');
    expect(b.state).toBe('closed');
    b.record(1, false, 100.5, 'closed');
    expect(b.state).toBe('open');
  });
});

describe('open, half-open and back', () => {
  function opened(): CircuitBreaker {
    const b = new CircuitBreaker({ ...small, minimumNumberOfCalls: 1 });
    b.tryAcquire(1000);
    b.record(1000, true, 10, 'closed');
    expect(b.state).toBe('open');
    return b;
  }

  it('rejects until the wait is over, then lets exactly the permitted calls through', () => {
    const b = opened();
    expect(b.tryAcquire(5999)).toBe(false);
    expect(b.state).toBe('open');
    expect(b.tryAcquire(6000)).toBe(true);
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire(6001)).toBe(true);
    expect(b.tryAcquire(6002)).toBe(false);
    expect(b.transitions).toEqual([
      { at: 1, from: 'closed', to: 'open' },
      { at: 6, from: 'open', to: 'half-open' },
    ]);
  });

  it.each([
    // Two permitted calls; the verdict comes only when both have answered.
    [
      [
        [false, 10],
        [false, 10],
      ],
      'closed',
    ],
    [
      [
        [true, 10],
        [false, 10],
      ],
      'open',
    ],
    [
      [
        [false, 10],
        [true, 10],
      ],
      'open',
    ],
    // Half-open has its own slow-call rate: one slow call of two is 50%, at the 50% threshold.
    [
      [
        [false, 200],
        [false, 10],
      ],
      'open',
    ],
    [
      [
        [false, 100],
        [false, 10],
      ],
      'closed',
    ],
  ] as Array<[Array<[boolean, number]>, string]>)('half-open outcomes %j → %s', (outcomes, state) => {
    const b = new CircuitBreaker({ ...small, minimumNumberOfCalls: 1, slowCallRateThreshold: 50 });
    b.record(0, true, 10, 'closed');
    b.tryAcquire(5000);
    b.tryAcquire(5000);
    b.record(5001, outcomes[0][0], outcomes[0][1], 'half-open');
    expect(b.state).toBe('half-open');
    b.record(5002, outcomes[1][0], outcomes[1][1], 'half-open');
    expect(b.state).toBe(state);
    expect(b.transitions.at(-1)).toEqual({ at: 5.002, from: 'half-open', to: state });
  });

  it('a half-open failure rate below its threshold closes: one failure in four is 25%', () => {
    const b = new CircuitBreaker({ ...small, minimumNumberOfCalls: 1, permittedNumberOfCallsInHalfOpenState: 4 });
    b.record(0, true, 10, 'closed');
    for (let i = 0; i < 4; i += 1) b.tryAcquire(5000);
    for (const failed of [true, false, false, false]) b.record(5001, failed, 10, 'half-open');
    expect(b.state).toBe('closed');
  });

  it('a half-open slow-call rate below its threshold closes', () => {
    const b = new CircuitBreaker({ ...small, minimumNumberOfCalls: 1, slowCallRateThreshold: 60 });
    b.record(0, true, 10, 'closed');
    b.tryAcquire(5000);
    b.tryAcquire(5000);
    b.record(5001, false, 200, 'half-open');
    b.record(5002, false, 10, 'half-open');
    expect(b.state).toBe('closed');
  });

  it('opening again restarts the wait from the new opening', () => {
    const b = opened();
    b.tryAcquire(6000);
    b.tryAcquire(6000);
    b.record(7000, true, 10, 'half-open');
    b.record(7000, true, 10, 'half-open');
    expect(b.state).toBe('open');
    expect(b.tryAcquire(11_999)).toBe(false);
    expect(b.tryAcquire(12_000)).toBe(true);
    // A fresh half-open: its counts start from zero again.
    expect(b.tryAcquire(12_000)).toBe(true);
    expect(b.tryAcquire(12_000)).toBe(false);
    b.record(12_001, false, 10, 'half-open');
    b.record(12_002, false, 10, 'half-open');
    expect(b.state).toBe('closed');
  });

  it('closing empties the window: it needs the minimum number of calls again', () => {
    const b = new CircuitBreaker(small);
    for (let i = 0; i < 4; i += 1) b.record(i, true, 10, 'closed');
    expect(b.state).toBe('open');
    b.tryAcquire(5003);
    b.tryAcquire(5003);
    b.record(5004, false, 10, 'half-open');
    b.record(5004, false, 10, 'half-open');
    expect(b.state).toBe('closed');
    for (let i = 0; i < 3; i += 1) b.record(6000 + i, true, 10, 'closed');
    expect(b.state).toBe('closed');
    b.record(6003, true, 10, 'closed');
    expect(b.state).toBe('open');
  });

  it('answers from calls started in another state are ignored', () => {
    const b = opened();
    b.record(2000, true, 10, 'closed'); // started before it opened
    expect(b.state).toBe('open');
    b.tryAcquire(6000);
    b.record(6001, true, 10, 'closed'); // a straggler from the closed state
    b.record(6001, true, 10, 'open');
    expect(b.state).toBe('half-open');
    b.tryAcquire(6001);
    b.record(6002, false, 10, 'half-open');
    b.record(6002, false, 10, 'half-open');
    expect(b.state).toBe('closed');
    b.record(6003, true, 10, 'half-open'); // a half-open call answering after it closed
    expect(b.state).toBe('closed');
    expect(b.transitions.map((t) => t.to)).toEqual(['open', 'half-open', 'closed']);
  });
});

describe("defaults are resilience4j's", () => {
  it('50% failures, 100% slow over 60 s, window and minimum 100, 60 s open, 10 half-open calls', () => {
    expect(BREAKER_DEFAULTS).toEqual({
      failureRateThreshold: 50,
      slowCallDurationThreshold: 60_000,
      slowCallRateThreshold: 100,
      slidingWindowSize: 100,
      minimumNumberOfCalls: 100,
      waitDurationInOpenState: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
  });
});
