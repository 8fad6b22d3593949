import type { ClosedLoopScenario } from './closed-loop-scenario.js';
import { sampler } from './dist.js';
import { standardExponential } from './exponential.js';
import { EventHeap } from './heap.js';
import { Histogram } from './histogram.js';
import { IntFifo } from './fifo.js';
import { round } from './metrics.js';
import { mva } from './mva.js';
import { nearestRank } from './nearest-rank.js';
import { Rng } from './rng.js';

const ARRIVE = 0;
const DONE = 1;
const TICK = 2;

/** Percentiles of one run's successful requests (ms). */
export interface Percentiles {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** One pass over the station: closed (users) or open (Poisson at `rate`). */
interface Pass {
  requests: number;
  throughputRps: number;
  meanThinkMs: number;
  latency: Histogram;
  corrected: Histogram;
  perSecond: Array<{ rps: number; p95: number; inSystem: number }>;
}

export interface ClosedLoopResult {
  scenario: string;
  kind: 'closed-loop';
  seed: number;
  simulatedSeconds: number;
  users: number;
  closed: {
    requests: number;
    throughputRps: number;
    meanResponseMs: number;
    meanThinkMs: number;
    latencyMs: Percentiles;
    correctedLatencyMs: Percentiles;
  };
  /** The interactive response-time law with the run's own R and Z: X = N / (R + Z). */
  law: { throughputRps: number };
  /** Exact mean value analysis (exponential service, no stalls): the independent reference. */
  mva: { throughputRps: number; responseMs: number };
  open: { rateRps: number; requests: number; throughputRps: number; latencyMs: Percentiles };
  timeline: Array<{
    t: number;
    closedRps: number;
    closedP95Ms: number;
    openRps: number;
    openP95Ms: number;
    closedInSystem: number;
    openInSystem: number;
  }>;
  wallMs: number;
}

/**
 * The same server twice. First driven by N users in a closed loop (send, wait for the answer, think,
 * send again), then by open-loop Poisson arrivals at the closed loop's measured throughput. During a stall
 * the closed loop stops sending (every user is waiting), so it records one slow sample per user where the
 * open loop records every request that arrived meanwhile: coordinated omission. The closed loop's
 * `correctedLatencyMs` adds, as HdrHistogram's expected-interval correction does, the samples a user
 * would have sent every mean think time while blocked.
 */
export function runClosedLoop(sc: ClosedLoopScenario, seed: number): Omit<ClosedLoopResult, 'wallMs'> {
  const closed = pass(sc, new Rng(seed), 0);
  const open = pass(sc, new Rng(seed ^ 0x5bd1e995), closed.throughputRps);
  const meanR = closed.latency.mean();
  const timeline = closed.perSecond.map((c, i) => ({
    t: i + 1,
    closedRps: c.rps,
    closedP95Ms: round(c.p95, 1),
    openRps: open.perSecond[i].rps,
    openP95Ms: round(open.perSecond[i].p95, 1),
    closedInSystem: c.inSystem,
    openInSystem: open.perSecond[i].inSystem,
  }));
  const reference = mva(sc.users, sc.server.workers, sc.server.service.mean, sc.think.mean);
  return {
    scenario: sc.name,
    kind: 'closed-loop',
    seed,
    simulatedSeconds: sc.duration / 1000,
    users: sc.users,
    closed: {
      requests: closed.requests,
      throughputRps: round(closed.throughputRps, 3),
      meanResponseMs: round(meanR, 3),
      meanThinkMs: round(closed.meanThinkMs, 3),
      latencyMs: percentiles(closed.latency),
      correctedLatencyMs: percentiles(closed.corrected),
    },
    law: { throughputRps: round((sc.users * 1000) / (meanR + closed.meanThinkMs), 3) },
    mva: { throughputRps: round(reference.throughputRps, 3), responseMs: round(reference.responseMs, 3) },
    open: {
      rateRps: round(closed.throughputRps, 3),
      requests: open.requests,
      throughputRps: round(open.throughputRps, 3),
      latencyMs: percentiles(open.latency),
    },
    timeline,
  };
}

function pass(sc: ClosedLoopScenario, rng: Rng, openRate: number): Pass {
  const isOpen = openRate > 0;
  const think = sampler(sc.think, rng);
  const service = sampler(sc.server.service, rng);
  const heap = new EventHeap();
  let seq = 0;
  const at = (t: number, kind: number, data: number) => heap.push(t, seq++, kind, data);
  const sent: number[] = [];
  const freeSlots: number[] = [];
  const queue = new IntFifo();
  let idle = sc.server.workers;
  let inSystem = 0;
  const latency = new Histogram();
  const corrected = new Histogram();
  // The pace a user would keep with an idle server: its think time, or the service time when it has none.
  const interval = sc.think.mean > 0 ? sc.think.mean : sc.server.service.mean;
  let requests = 0;
  let thinkTotal = 0;
  let thinks = 0;
  let second: number[] = [];
  const perSecond: Pass['perSecond'] = [];

  const begin = (slot: number, now: number) => {
    idle -= 1;
    at(workEnd(now, service(), sc.stalls), DONE, slot);
  };
  const arrive = (now: number) => {
    const slot = freeSlots.pop() ?? sent.length;
    sent[slot] = now;
    inSystem += 1;
    if (idle > 0) begin(slot, now);
    else queue.push(slot);
  };
  const nextThink = (now: number) => {
    const z = think();
    if (now >= sc.warmup) {
      thinkTotal += z;
      thinks += 1;
    }
    at(now + z, ARRIVE, 0);
  };

  if (isOpen) at((1000 / openRate) * standardExponential(rng), ARRIVE, 0);
  else for (let u = 0; u < sc.users; u += 1) nextThink(0);
  at(1000, TICK, 0);
  while (heap.size > 0) {
    heap.pop();
    const now = heap.topTime;
    if (now > sc.duration) break;
    const data = heap.topData;
    if (heap.topKind === ARRIVE) {
      arrive(now);
      if (isOpen) at(now + (1000 / openRate) * standardExponential(rng), ARRIVE, 0);
    } else if (heap.topKind === DONE) {
      idle += 1;
      inSystem -= 1;
      const l = now - sent[data];
      if (sent[data] >= sc.warmup) {
        requests += 1;
        latency.record(l);
        corrected.record(l);
        // HdrHistogram's recordValueWithExpectedInterval: the requests this user would have sent meanwhile.
        if (!isOpen) for (let missed = l - interval; missed > 0; missed -= interval) corrected.record(missed);
      }
      second.push(l);
      freeSlots.push(data);
      if (queue.size > 0) begin(queue.shift(), now);
      if (!isOpen) nextThink(now);
    } else {
      perSecond.push({ rps: second.length, p95: nearestRank(second, 0.95), inSystem });
      second = [];
      at(now + 1000, TICK, 0);
    }
  }
  const measured = (sc.duration - sc.warmup) / 1000;
  return {
    requests,
    throughputRps: requests / measured,
    meanThinkMs: thinks > 0 ? thinkTotal / thinks : sc.think.mean,
    latency,
    corrected,
    perSecond,
  };
}

/** When `work` ms of service started at `start` ends, the server making no progress during stalls. */
export function workEnd(start: number, work: number, stalls: ClosedLoopScenario['stalls']): number {
  let t = start;
  let left = work;
  for (const s of stalls) {
    const end = s.at + s.duration;
    if (end <= t) continue;
    if (s.at > t) {
      if (t + left <= s.at) return t + left;
      left -= s.at - t;
    }
    t = end;
  }
  return t + left;
}

function percentiles(h: Histogram): Percentiles {
  const q = (p: number) => round(h.quantile(p), 1);
  return { mean: round(h.mean(), 1), p50: q(0.5), p95: q(0.95), p99: q(0.99), p999: q(0.999), max: round(h.max(), 1) };
}
