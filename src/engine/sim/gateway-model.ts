import { Arrivals } from './arrivals.js';
import { desiredInstances } from './autoscaler.js';
import { sampler } from './dist.js';
import type { GatewayScenario } from './gateway-scenario.js';
import { EventHeap } from './heap.js';
import { Histogram } from './histogram.js';
import { IntDeque } from './int-deque.js';
import { round } from './metrics.js';
import { nearestRank } from './nearest-rank.js';
import type { GatewayResult, GatewayRow } from './gateway-result.js';
import { Rng } from './rng.js';

const ARRIVAL = 0;
const DONE = 1;
const TICK = 2;
const EVALUATE = 3;
const READY = 4;
const ZONE_DOWN = 5;
const ZONE_UP = 6;

/**
 * Requests arrive, pass a token bucket (or are refused, 429), join a bounded queue (or are shed when it is
 * full, 503) and are served by `workers` in FIFO or LIFO order. A request that waited past `maxAge` is
 * dropped when it reaches a worker instead of being processed. The client gives up after `timeout`: a later
 * answer is wasted work and counts as timed out; requests still queued past it at the end count so too.
 */
export function runGateway(sc: GatewayScenario, seed: number): Omit<GatewayResult, 'wallMs'> {
  const rng = new Rng(seed);
  const arrivals = new Arrivals(sc.traffic, rng);
  const service = sampler(sc.server.service, rng);
  const heap = new EventHeap();
  let seq = 0;
  const at = (t: number, kind: number, data: number) => heap.push(t, seq++, kind, data);
  const bucket = sc.rateLimit;
  let tokens = bucket?.burst ?? 0;
  let refilled = 0;
  const queue = new IntDeque();
  const arrivedAt: number[] = [];
  const workMs: number[] = [];
  const free: number[] = [];
  const perInstance = sc.server.workers;
  let ready = sc.instances;
  // Instances per zone: spread round robin at the start, new ones to the up zone with the fewest.
  const byZone = Array.from(
    { length: sc.zones },
    (_, z) => Math.floor(sc.instances / sc.zones) + (z < sc.instances % sc.zones ? 1 : 0),
  );
  const zoneUp = new Array<boolean>(sc.zones).fill(true);
  const downSince = new Array<number>(sc.zones).fill(0);
  const inflight: number[] = [];
  const slotOf: number[] = [];
  const lost: boolean[] = [];
  let starting = 0;
  let removing = 0;
  let idle = ready * perInstance;
  let busy = 0;
  let lastEvent = 0;
  let busyArea = 0;
  let capacityArea = 0;
  let lastScale = -Infinity;
  const scaling: GatewayResult['scaling'] = [];
  const perSecondLoad: Array<[number, number]> = [];
  const n = {
    offered: 0,
    admitted: 0,
    succeeded: 0,
    timedOut: 0,
    lostInFlight: 0,
    rateLimited: 0,
    queueFull: 0,
    tooOld: 0,
  };
  let busyMs = 0;
  let totalCapacityMs = 0;
  let wastedMs = 0;
  const latency = new Histogram();
  const sec = { offered: 0, admitted: 0, good: 0, rejected: 0, timedOut: 0, latencies: [] as number[] };
  const timeline: GatewayRow[] = [];
  const counted = (id: number) => arrivedAt[id] >= sc.warmup;

  const start = (id: number, now: number) => {
    idle -= 1;
    busy += 1;
    slotOf[id] = inflight.length;
    inflight.push(id);
    lost[id] = false;
    workMs[id] = service();
    at(now + workMs[id], DONE, id);
  };
  const next = (now: number) => {
    while (idle > 0 && queue.size > 0) {
      const id = sc.queue.discipline === 'fifo' ? queue.shift() : queue.pop();
      if (sc.queue.maxAge !== undefined && now - arrivedAt[id] > sc.queue.maxAge) {
        if (counted(id)) n.tooOld += 1;
        sec.rejected += 1;
        free.push(id);
      } else start(id, now);
    }
  };

  at(arrivals.next(0), ARRIVAL, 0);
  at(1000, TICK, 1);
  if (sc.autoscale) at(sc.autoscale.interval, EVALUATE, 0);
  sc.faults.forEach((f, i) => at(f.at, ZONE_DOWN, i));
  while (heap.size > 0) {
    heap.pop();
    const now = heap.topTime;
    if (now > sc.duration) break;
    busyArea += busy * (now - lastEvent);
    capacityArea += ready * perInstance * (now - lastEvent);
    if (now > sc.warmup) totalCapacityMs += ready * perInstance * (now - Math.max(lastEvent, sc.warmup));
    lastEvent = now;
    if (heap.topKind === EVALUATE && sc.autoscale) {
      const o = sc.autoscale;
      const recent = perSecondLoad.slice(-Math.max(1, Math.round(o.window / 1000)));
      const cap = recent.reduce((a, [, c]) => a + c, 0);
      const utilization = cap > 0 ? Math.min(1, recent.reduce((a, [b]) => a + b, 0) / cap) : 0;
      const current = ready + starting;
      const desired = desiredInstances(current, ready, utilization, o);
      if (desired > current) {
        starting += desired - current;
        for (let k = current; k < desired; k += 1) at(now + o.startup, READY, fewestUp());
      } else if (desired < current && now - lastScale >= o.cooldown) {
        const drop = Math.min(current - desired, ready);
        for (let k = 0; k < drop; k += 1) byZone[byZone.indexOf(Math.max(...byZone))] -= 1;
        ready -= drop;
        removing += drop * perInstance;
        const freed = Math.min(idle, removing);
        idle -= freed;
        removing -= freed;
      }
      if (desired !== current && (desired > current || now - lastScale >= o.cooldown)) {
        scaling.push({ at: round(now / 1000, 3), from: current, to: desired, utilization: round(utilization, 4) });
        lastScale = now;
      }
      at(now + o.interval, EVALUATE, 0);
    } else if (heap.topKind === READY) {
      // One instance, in the zone chosen when it was started (or another up zone if that one went down).
      const z = zoneUp[heap.topData] ? heap.topData : fewestUp();
      starting -= 1;
      byZone[z] += 1;
      ready += 1;
      idle += perInstance;
      next(now);
    } else if (heap.topKind === ZONE_DOWN || heap.topKind === ZONE_UP) {
      const f = sc.faults[heap.topData];
      if (heap.topKind === ZONE_DOWN && zoneUp[f.zone]) {
        zoneUp[f.zone] = false;
        downSince[f.zone] = byZone[f.zone];
        const gone = byZone[f.zone];
        // The zone's share of the busy workers lose their requests; its idle workers simply vanish.
        const candidates = inflight.filter((id) => !lost[id]);
        const lostBusy = Math.min(candidates.length, ready > 0 ? Math.round((candidates.length * gone) / ready) : 0);
        for (let k = 0; k < lostBusy; k += 1) {
          const j = k + Math.floor(rng.next() * (candidates.length - k));
          [candidates[k], candidates[j]] = [candidates[j], candidates[k]];
          lost[candidates[k]] = true;
        }
        const idleGone = Math.min(idle, gone * perInstance - lostBusy);
        idle -= idleGone;
        removing += gone * perInstance - lostBusy - idleGone;
        byZone[f.zone] = 0;
        ready -= gone;
        at(now + f.duration, ZONE_UP, heap.topData);
      } else if (heap.topKind === ZONE_UP && !zoneUp[f.zone]) {
        zoneUp[f.zone] = true;
        byZone[f.zone] += downSince[f.zone];
        ready += downSince[f.zone];
        idle += downSince[f.zone] * perInstance;
        next(now);
      }
    } else if (heap.topKind === ARRIVAL) {
      at(arrivals.next(now), ARRIVAL, 0);
      const id = free.pop() ?? arrivedAt.length;
      arrivedAt[id] = now;
      const c = counted(id);
      if (c) n.offered += 1;
      sec.offered += 1;
      if (bucket) {
        tokens = Math.min(bucket.burst, tokens + (bucket.rate * (now - refilled)) / 1000);
        refilled = now;
        if (tokens < 1) {
          if (c) n.rateLimited += 1;
          sec.rejected += 1;
          free.push(id);
          continue;
        }
        tokens -= 1;
      }
      if (c) n.admitted += 1;
      sec.admitted += 1;
      if (idle > 0) start(id, now);
      else if (queue.size >= sc.queue.limit) {
        if (c) n.queueFull += 1;
        sec.rejected += 1;
        free.push(id);
      } else queue.push(id);
    } else if (heap.topKind === DONE) {
      const id = heap.topData;
      busy -= 1;
      const last = inflight.pop()!;
      if (last !== id) {
        inflight[slotOf[id]] = last;
        slotOf[last] = slotOf[id];
      }
      if (lost[id]) {
        // Its instance is gone: the worker does not come back, and the client gets an error.
        if (counted(id)) n.lostInFlight += 1;
        sec.timedOut += 1;
        free.push(id);
        continue;
      }
      if (removing > 0) removing -= 1;
      else idle += 1;
      const l = now - arrivedAt[id];
      // Only the part of the work done after the warm-up counts, as the capacity does: a job that
      // straddles it would otherwise push utilisation over 1.
      const measured = now >= sc.warmup ? Math.min(workMs[id], now - sc.warmup) : 0;
      busyMs += measured;
      if (l <= sc.timeout) {
        if (counted(id)) {
          n.succeeded += 1;
          latency.record(l);
        }
        sec.good += 1;
        sec.latencies.push(l);
      } else {
        if (counted(id)) n.timedOut += 1;
        wastedMs += measured;
        sec.timedOut += 1;
      }
      free.push(id);
      next(now);
    } else {
      perSecondLoad.push([busyArea, capacityArea]);
      const utilization = capacityArea > 0 ? Math.min(1, busyArea / capacityArea) : 0;
      busyArea = 0;
      capacityArea = 0;
      timeline.push({
        t: heap.topData,
        offeredRps: sec.offered,
        admittedRps: sec.admitted,
        goodputRps: sec.good,
        rejectedRps: sec.rejected,
        timedOutRps: sec.timedOut,
        queue: queue.size,
        p95Ms: round(nearestRank(sec.latencies, 0.95), 1),
        instances: ready,
        utilization: round(utilization, 4),
      });
      Object.assign(sec, { offered: 0, admitted: 0, good: 0, rejected: 0, timedOut: 0, latencies: [] });
      at(now + 1000, TICK, heap.topData + 1);
    }
  }
  function fewestUp(): number {
    let best = -1;
    for (let z = 0; z < sc.zones; z += 1) if (zoneUp[z] && (best < 0 || byZone[z] < byZone[best])) best = z;
    return Math.max(0, best);
  }

  for (let k = 0; k < queue.size; k += 1)
    if (counted(queue.at(k)) && sc.duration - arrivedAt[queue.at(k)] > sc.timeout) n.timedOut += 1;

  const seconds = (sc.duration - sc.warmup) / 1000;
  const rejected = n.rateLimited + n.queueFull + n.tooOld;
  const q = (p: number) => round(latency.quantile(p), 1);
  return {
    scenario: sc.name,
    kind: 'gateway',
    seed,
    simulatedSeconds: sc.duration / 1000,
    requests: {
      offered: n.offered,
      admitted: n.admitted,
      succeeded: n.succeeded,
      timedOut: n.timedOut,
      lostInFlight: n.lostInFlight,
      rejected: { rateLimited: n.rateLimited, queueFull: n.queueFull, tooOld: n.tooOld },
    },
    throughput: {
      offeredRps: round(n.offered / seconds, 3),
      admittedRps: round(n.admitted / seconds, 3),
      goodputRps: round(n.succeeded / seconds, 3),
    },
    errorRate: round((n.timedOut + n.lostInFlight) / Math.max(1, n.succeeded + n.timedOut + n.lostInFlight), 4),
    rejectRate: round(rejected / Math.max(1, n.offered), 4),
    latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: round(latency.max(), 1) },
    scaling,
    server: {
      capacityRps: round((sc.instances * sc.server.workers * 1000) / sc.server.service.mean, 3),
      utilization: round(busyMs / Math.max(1, totalCapacityMs), 4),
      wastedShare: round(wastedMs / Math.max(1, busyMs), 4),
    },
    timeline,
  };
}
