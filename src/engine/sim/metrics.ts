import { Histogram } from './histogram.js';
import { WindowQuantile } from './window-quantile.js';

export interface TimelineRow {
  t: number;
  offeredRps: number;
  goodputRps: number;
  p95Ms: number;
  errorRate: number;
}

/**
 * Counts and latencies, whole-run and per simulated second. A second's row is closed as soon as
 * the clock passes it, so memory does not grow with the run's length or request count.
 */
export class Metrics {
  readonly latency = new Histogram();
  offered = 0;
  succeeded = 0;
  failed = 0;
  timedOut = 0;
  rejected = 0;
  shortCircuited = 0;
  retries = 0;
  satisfied = 0;
  tolerating = 0;
  readonly timeline: TimelineRow[] = [];
  private second = 0;
  /** When the current second ends (ms). */
  private secondEnds = 1000;
  private secOffered = 0;
  private secGood = 0;
  private secFailed = 0;
  private readonly secLatency = new WindowQuantile();

  constructor(
    private readonly warmup: number,
    private readonly apdexT: number,
  ) {}

  /** Close every whole second before `now` (ms). */
  advance(now: number): void {
    while (now >= this.secondEnds) this.closeSecond();
  }

  arrival(now: number): void {
    this.advance(now);
    this.secOffered += 1;
    if (now >= this.warmup) this.offered += 1;
  }

  success(now: number, started: number): void {
    this.advance(now);
    const ms = now - started;
    this.secGood += 1;
    this.secLatency.record(ms);
    if (started < this.warmup) return;
    this.succeeded += 1;
    this.latency.record(ms);
    if (ms <= this.apdexT) this.satisfied += 1;
    else if (ms <= 4 * this.apdexT) this.tolerating += 1;
  }

  failure(now: number, started: number, reason: 'error' | 'timeout' | 'rejected' | 'short-circuited'): void {
    this.advance(now);
    this.secFailed += 1;
    if (started < this.warmup) return;
    this.failed += 1;
    if (reason === 'timeout') this.timedOut += 1;
    else if (reason === 'rejected') this.rejected += 1;
    else if (reason === 'short-circuited') this.shortCircuited += 1;
  }

  retry(started: number): void {
    if (started >= this.warmup) this.retries += 1;
  }

  /** Close the remaining seconds up to `end` (ms). */
  finish(end: number): void {
    while (this.second * 1000 < end) this.closeSecond();
  }

  private closeSecond(): void {
    this.timeline.push(
      timelineRow(this.second, this.secOffered, this.secGood, this.secFailed, this.secLatency.quantile(0.95)),
    );
    this.second += 1;
    this.secondEnds = (this.second + 1) * 1000;
    this.secOffered = 0;
    this.secGood = 0;
    this.secFailed = 0;
    this.secLatency.reset();
  }
}

/** Second t's row from its counts and the P95 of its latencies. */
export function timelineRow(t: number, offered: number, good: number, failed: number, p95: number): TimelineRow {
  const done = good + failed;
  return {
    t,
    offeredRps: offered,
    goodputRps: good,
    p95Ms: round(p95),
    errorRate: done === 0 ? 0 : round(failed / done),
  };
}

export function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
