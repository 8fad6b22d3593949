import { Arrivals } from './arrivals.js';
import { lognormalParams, sampler, type DistSpec } from './dist.js';
import { EventHeap } from './heap.js';
import type { HedgeScenario } from './hedge-scenario.js';
import { Histogram } from './histogram.js';
import { IntDeque } from './int-deque.js';
import { round } from './metrics.js';
import { Rng } from './rng.js';

const ARRIVAL = 0;
const DONE = 1;
const HEDGE = 2;

/** One run's latency (ms) and the work it cost. */
export interface HedgePass {
  latencyMs: { p50: number; p95: number; p99: number; p999: number; max: number };
  /** Copies processed per request (1 without hedging). */
  workPerRequest: number;
  /** Share of requests that sent a second copy. */
  hedgeRate: number;
  utilization: number;
}

export interface HedgeResult {
  scenario: string;
  kind: 'hedge';
  seed: number;
  simulatedSeconds: number;
  requests: number;
  hedgeAfterMs: number;
  baseline: HedgePass;
  hedged: HedgePass;
  /** Without queueing: hedge rate S(d), and percentiles of min(X₁, d + X₂). */
  analytic: { hedgeRate: number; p95: number; p99: number };
  wallMs: number;
}

/**
 * The same arrivals run twice through `replicas` replicas: once plainly, once hedged (a second copy to
 * another replica when the first has not answered after `hedge.after`; the first answer wins, and with
 * `cancel` the other copy is dropped if it has not started).
 */
export function runHedge(sc: HedgeScenario, seed: number): Omit<HedgeResult, 'wallMs'> {
  const baseline = pass(sc, seed, false);
  const hedged = pass(sc, seed, true);
  return {
    scenario: sc.name,
    kind: 'hedge',
    seed,
    simulatedSeconds: sc.duration / 1000,
    requests: baseline.requests,
    hedgeAfterMs: sc.hedge.after,
    baseline: baseline.result,
    hedged: hedged.result,
    analytic: hedgeAnalytic(sc.server.service, sc.hedge.after),
  };
}

function pass(sc: HedgeScenario, seed: number, hedging: boolean): { requests: number; result: HedgePass } {
  const rng = new Rng(seed);
  const arrivals = new Arrivals(sc.traffic, rng);
  const service = sampler(sc.server.service, rng);
  const R = sc.replicas;
  const idle = new Array<number>(R).fill(sc.server.workers);
  const queues = Array.from({ length: R }, () => new IntDeque());
  const arrived: number[] = [];
  const replica: number[] = [];
  const answered: boolean[] = [];
  const copyReplica: number[] = [];
  const heap = new EventHeap();
  let seq = 0;
  const at = (t: number, kind: number, data: number) => heap.push(t, seq++, kind, data);
  const latency = new Histogram();
  let requests = 0;
  let copies = 0;
  let hedges = 0;
  let busyMs = 0;

  const begin = (copy: number, now: number) => {
    idle[copyReplica[copy]] -= 1;
    const s = service();
    if (now >= sc.warmup) busyMs += s;
    at(now + s, DONE, copy);
  };
  const send = (copy: number, rep: number, now: number) => {
    copyReplica[copy] = rep;
    if (idle[rep] > 0) begin(copy, now);
    else queues[rep].push(copy);
  };

  at(arrivals.next(0), ARRIVAL, 0);
  while (heap.size > 0) {
    heap.pop();
    const now = heap.topTime;
    if (now > sc.duration) break;
    const data = heap.topData;
    if (heap.topKind === ARRIVAL) {
      at(arrivals.next(now), ARRIVAL, 0);
      const id = arrived.length;
      arrived.push(now);
      answered.push(false);
      replica.push(rng.int(R));
      if (now >= sc.warmup) requests += 1;
      send(id * 2, replica[id], now);
      if (hedging) at(now + sc.hedge.after, HEDGE, id);
    } else if (heap.topKind === HEDGE) {
      if (answered[data]) continue;
      if (arrived[data] >= sc.warmup) hedges += 1;
      send(data * 2 + 1, (replica[data] + 1 + rng.int(R - 1)) % R, now);
    } else {
      const id = data >> 1;
      const rep = copyReplica[data];
      idle[rep] += 1;
      if (arrived[id] >= sc.warmup) copies += 1;
      if (!answered[id]) {
        answered[id] = true;
        if (arrived[id] >= sc.warmup) latency.record(now - arrived[id]);
      }
      while (idle[rep] > 0 && queues[rep].size > 0) {
        const next = queues[rep].shift();
        if (sc.hedge.cancel && answered[next >> 1]) continue;
        begin(next, now);
      }
    }
  }
  const q = (p: number) => round(latency.quantile(p), 1);
  return {
    requests,
    result: {
      latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), p999: q(0.999), max: round(latency.max(), 1) },
      workPerRequest: round(copies / Math.max(1, requests), 4),
      hedgeRate: round(hedges / Math.max(1, requests), 4),
      utilization: round(busyMs / (R * sc.server.workers * (sc.duration - sc.warmup)), 4),
    },
  };
}

/** P(X > t) for a service-time distribution. */
export function survival(d: DistSpec, t: number): number {
  if (t <= 0) return 1;
  if (d.dist === 'exponential') return Math.exp(-t / d.mean);
  if (d.dist === 'constant') return t < d.mean ? 1 : 0;
  const p = lognormalParams(d.mean, d.p99);
  if (!p) return 1;
  return 0.5 * erfc((Math.log(t) - p.mu) / (p.sigma * Math.SQRT2));
}

/** erfc by the continued-fraction-free Chebyshev fit of Numerical Recipes (erfcc): relative error below 1.2e-7. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Hedging after d with no queueing: L = min(X₁, d + X₂), so P(L > t) = S(t) for t ≤ d and S(t)·S(t − d) after. */
export function hedgeAnalytic(d: DistSpec, after: number): HedgeResult['analytic'] {
  const tail = (t: number) => survival(d, t) * (t > after ? survival(d, t - after) : 1);
  const quantile = (p: number) => {
    let lo = 0;
    let hi = 1;
    while (tail(hi) > 1 - p) hi *= 2;
    for (let i = 0; i < 100; i += 1) {
      const mid = (lo + hi) / 2;
      if (tail(mid) > 1 - p) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  return { hedgeRate: round(survival(d, after), 4), p95: round(quantile(0.95), 1), p99: round(quantile(0.99), 1) };
}
