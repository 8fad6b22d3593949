import type { BreakerOptions } from './scenario.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** The states by number ({@link CircuitBreaker.code}): the simulator keeps one per attempt in a byte. */
export const BREAKER_STATES: readonly BreakerState[] = ['closed', 'open', 'half-open'];

export interface Transition {
  /** Simulated time, seconds. */
  at: number;
  from: BreakerState;
  to: BreakerState;
}

/**
 * resilience4j's count-based circuit breaker. Closed: outcomes go into a ring of the last
 * `slidingWindowSize` calls; once at least min(minimumNumberOfCalls, slidingWindowSize) are
 * recorded, a failure rate or slow-call rate at or above its threshold opens it. Open: every call is
 * rejected until `waitDurationInOpenState` has passed; the next call moves it to half-open. Half-open:
 * exactly `permittedNumberOfCallsInHalfOpenState` calls are let through; when all have answered it
 * closes (rates below thresholds) or opens again.
 */
export class CircuitBreaker {
  state: BreakerState = 'closed';
  /** The state's index in {@link BREAKER_STATES}. */
  code = 0;
  readonly transitions: Transition[] = [];
  private ring: Uint8Array;
  private ringPos = 0;
  private recorded = 0;
  private failures = 0;
  private slows = 0;
  private openedAt = 0;
  private halfPermitted = 0;
  private halfDone = 0;
  private halfFailures = 0;
  private halfSlows = 0;

  /** Calls recorded before the rates count. */
  private readonly minCalls: number;

  constructor(private readonly o: BreakerOptions) {
    this.ring = new Uint8Array(o.slidingWindowSize);
    this.minCalls = Math.min(o.minimumNumberOfCalls, o.slidingWindowSize);
  }

  /** May a call start at time `now` (ms)? Moves open → half-open when the wait is over. */
  tryAcquire(now: number): boolean {
    if (this.state === 'open') {
      if (now - this.openedAt < this.o.waitDurationInOpenState) return false;
      this.move('half-open', now);
      this.halfPermitted = 0;
      this.halfDone = 0;
      this.halfFailures = 0;
      this.halfSlows = 0;
    }
    if (this.state === 'half-open') {
      if (this.halfPermitted >= this.o.permittedNumberOfCallsInHalfOpenState) return false;
      this.halfPermitted += 1;
    }
    return true;
  }

  /**
   * Record a permitted call's outcome at time `now` (ms). `wasHalfOpen` says whether the call was
   * let through in half-open (a call started while closed may answer after the breaker opened).
   */
  record(now: number, failed: boolean, durationMs: number, startedIn: BreakerState): void {
    const slow = durationMs > this.o.slowCallDurationThreshold;
    if (this.state === 'half-open' && startedIn === 'half-open') {
      this.halfDone += 1;
      if (failed) this.halfFailures += 1;
      if (slow) this.halfSlows += 1;
      if (this.halfDone >= this.o.permittedNumberOfCallsInHalfOpenState) {
        const n = this.halfDone;
        if (this.overThreshold((this.halfFailures / n) * 100, (this.halfSlows / n) * 100)) this.open(now);
        else this.close(now);
      }
      return;
    }
    if (this.state !== 'closed' || startedIn !== 'closed') return;
    const bits = (failed ? 1 : 0) | (slow ? 2 : 0);
    if (this.recorded === this.ring.length) {
      const old = this.ring[this.ringPos];
      if (old & 1) this.failures -= 1;
      if (old & 2) this.slows -= 1;
    } else this.recorded += 1;
    this.ring[this.ringPos] = bits;
    this.ringPos = this.ringPos + 1 < this.ring.length ? this.ringPos + 1 : 0;
    if (failed) this.failures += 1;
    if (slow) this.slows += 1;
    // With no failure or slow call in the window neither rate can reach a threshold (both are above 0).
    if ((this.failures > 0 || this.slows > 0) && this.recorded >= this.minCalls) {
      if (this.overThreshold((this.failures / this.recorded) * 100, (this.slows / this.recorded) * 100)) this.open(now);
    }
  }

  private overThreshold(failureRate: number, slowRate: number): boolean {
    return failureRate >= this.o.failureRateThreshold || slowRate >= this.o.slowCallRateThreshold;
  }

  private open(now: number): void {
    this.move('open', now);
    this.openedAt = now;
  }

  private close(now: number): void {
    this.move('closed', now);
    this.ring.fill(0);
    this.ringPos = 0;
    this.recorded = 0;
    this.failures = 0;
    this.slows = 0;
  }

  private move(to: BreakerState, now: number): void {
    this.transitions.push({ at: now / 1000, from: this.state, to });
    this.state = to;
    this.code = BREAKER_STATES.indexOf(to);
  }
}

export const BREAKER_DEFAULTS: BreakerOptions = {
  failureRateThreshold: 50,
  slowCallDurationThreshold: 60_000,
  slowCallRateThreshold: 100,
  slidingWindowSize: 100,
  minimumNumberOfCalls: 100,
  waitDurationInOpenState: 60_000,
  permittedNumberOfCallsInHalfOpenState: 10,
};
