import { backoffDelay } from './backoff.js';
import { makeBalancer } from './balancer.js';
import { CircuitBreaker, type BreakerState } from './breaker.js';
import { sampler } from './dist.js';
import { EventHeap } from './heap.js';
import { Metrics } from './metrics.js';
import { Rng } from './rng.js';
import type { Scenario } from './scenario.js';

const ARRIVAL = 1;
const RETRY = 2;
const SERVER_DONE = 3;
const DEP_DONE = 4;
const TIMEOUT = 5;
const FAULT_START = 6;
const FAULT_END = 7;
const RATE_STEP = 8;
const CACHE_DONE = 9;

const BREAKER_CODE: Record<BreakerState, number> = { closed: 0, open: 1, 'half-open': 2 };
const BREAKER_NAME: BreakerState[] = ['closed', 'open', 'half-open'];

/** What a run leaves behind, before it is shaped into the JSON result. */
export interface RunOutput {
  metrics: Metrics;
  events: number;
  servers: Array<{ id: string; utilization: number; served: number; maxQueue: number }>;
  breaker?: CircuitBreaker;
  /** Peak attempts in flight at once (the bulkhead's measure). */
  maxInFlight: number;
  /** Attempts started (first tries and retries). */
  attempts: number;
}

/**
 * Run a request-level scenario. Every request: arrival → (breaker, bulkhead) → balancer → a server's
 * worker or queue → service → optionally the dependency (or a cache hit) → answer. The client gives up
 * at the timeout while the server carries on, as in life; failures may be retried with backoff.
 * Time is virtual (ms) and randomness comes from the seed, so a scenario and seed give one result.
 */
export function runScenario(sc: Scenario, seed: number): RunOutput {
  const rng = new Rng(seed);
  const heap = new EventHeap();
  const metrics = new Metrics(sc.warmup, sc.apdex);

  // Servers, flattened across groups.
  const groupOf: number[] = [];
  sc.servers.forEach((g, gi) => {
    for (let k = 0; k < g.count; k += 1) groupOf.push(gi);
  });
  const n = groupOf.length;
  const workers = Int32Array.from(groupOf, (g) => sc.servers[g].workers);
  const queueCap = Int32Array.from(groupOf, (g) => sc.servers[g].queue);
  const sample = sc.servers.map((g) => sampler(g.service, rng));
  const up = new Uint8Array(n).fill(1);
  const active = new Int32Array(n);
  const busy = new Int32Array(n);
  const epoch = new Int32Array(n);
  const slow = new Float64Array(n).fill(1);
  const errorRate = new Float64Array(n);
  const served = new Float64Array(n);
  const maxQueue = new Int32Array(n);
  const busyArea = new Float64Array(n);
  const lastChange = new Float64Array(n);
  const queues: number[][] = Array.from({ length: n }, () => []);
  const heads = new Int32Array(n);
  // Which attempts each server holds, kept only when a crash must fail them (a Set costs per request).
  const trackMembers = sc.faults.some((f) => f.kind === 'crash');
  const members: Array<Set<number>> = Array.from({ length: n }, () => new Set());
  const weight = Float64Array.from(groupOf, (g) => sc.servers[g].weight);
  const balance = makeBalancer(sc.loadBalancer.strategy, { up, active, weight }, rng);

  const dep = sc.dependency;
  const depSample = dep ? sampler(dep.service, rng) : () => 0;
  let depBusy = 0;
  const depQueue: number[] = [];
  let depHead = 0;
  let depSlow = 1;
  let depError = 0;

  const retry = sc.policies.retry;
  const timeout = sc.policies.timeout;
  const bulkhead = sc.policies.bulkhead?.maxConcurrent;
  const breaker = sc.policies.circuitBreaker ? new CircuitBreaker(sc.policies.circuitBreaker) : undefined;
  let retryTokens = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let attemptsStarted = 0;

  // Requests and attempts live in typed arrays whose slots are reused, so memory is bounded by
  // what is in flight, not by the number of requests.
  let cap = 1024;
  let reqStart = new Float64Array(cap);
  let reqClient = new Int32Array(cap);
  let reqTries = new Int32Array(cap);
  let reqPrevDelay = new Float64Array(cap);
  const reqFree: number[] = [];
  let reqNext = 0;
  let acap = 1024;
  let attReq = new Int32Array(acap);
  let attServer = new Int32Array(acap);
  let attStart = new Float64Array(acap);
  let attEpoch = new Int32Array(acap);
  let attWaiting = new Uint8Array(acap); // the client still waits for this attempt
  let attWorking = new Uint8Array(acap); // a server still holds it
  let attBreaker = new Uint8Array(acap); // breaker state when it started; 255 = not through a breaker
  let attFreed = new Uint8Array(acap); // on the free list (freeing twice would hand one slot to two attempts)
  const attFree: number[] = [];
  let attNext = 0;

  const growReq = () => {
    cap *= 2;
    const g = <T extends Float64Array | Int32Array>(a: T, make: (k: number) => T) => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    reqStart = g(reqStart, (k) => new Float64Array(k));
    reqClient = g(reqClient, (k) => new Int32Array(k));
    reqTries = g(reqTries, (k) => new Int32Array(k));
    reqPrevDelay = g(reqPrevDelay, (k) => new Float64Array(k));
  };
  const growAtt = () => {
    acap *= 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (k: number) => T) => {
      const b = make(acap);
      b.set(a);
      return b;
    };
    attReq = g(attReq, (k) => new Int32Array(k));
    attServer = g(attServer, (k) => new Int32Array(k));
    attStart = g(attStart, (k) => new Float64Array(k));
    attEpoch = g(attEpoch, (k) => new Int32Array(k));
    attWaiting = g(attWaiting, (k) => new Uint8Array(k));
    attWorking = g(attWorking, (k) => new Uint8Array(k));
    attBreaker = g(attBreaker, (k) => new Uint8Array(k));
    attFreed = g(attFreed, (k) => new Uint8Array(k));
  };

  let now = 0;
  let rate = sc.traffic.rate;
  let arrivalGen = 0;
  const end = sc.duration;

  const nextArrival = () => {
    if (rate <= 0) return;
    const gap = sc.traffic.arrival === 'constant' ? 1000 / rate : (-1000 / rate) * Math.log(rng.nextOpen());
    if (now + gap < end) heap.push(now + gap, ARRIVAL, arrivalGen);
  };

  const markBusy = (s: number, delta: number) => {
    busyArea[s] += busy[s] * (now - lastChange[s]);
    lastChange[s] = now;
    busy[s] += delta;
  };

  const freeAttempt = (a: number) => {
    if (!attWaiting[a] && !attWorking[a] && !attFreed[a]) {
      attFreed[a] = 1;
      attFree.push(a);
    }
  };

  const finishRequest = (r: number) => {
    reqFree.push(r);
  };

  const fail = (r: number, reason: 'error' | 'timeout' | 'rejected' | 'short-circuited') => {
    const tries = reqTries[r];
    if (retry && reason !== 'short-circuited' && tries < retry.attempts) {
      const allowed = retry.budget === undefined || retryTokens >= 1;
      if (allowed) {
        if (retry.budget !== undefined) retryTokens -= 1;
        const delay = backoffDelay(retry, tries - 1, reqPrevDelay[r], rng);
        reqPrevDelay[r] = delay;
        metrics.retry(reqStart[r]);
        heap.push(now + delay, RETRY, r);
        return;
      }
    }
    metrics.failure(now, reqStart[r], reason);
    finishRequest(r);
  };

  /** The client side of an attempt ends (answer, failure or timeout). */
  const clientDone = (a: number, ok: boolean, reason: 'error' | 'timeout' | 'rejected') => {
    if (!attWaiting[a]) return;
    attWaiting[a] = 0;
    inFlight -= 1;
    const r = attReq[a];
    if (breaker && attBreaker[a] !== 255) breaker.record(now, !ok, now - attStart[a], BREAKER_NAME[attBreaker[a]]);
    if (ok) {
      metrics.success(now, reqStart[r]);
      finishRequest(r);
    } else fail(r, reason);
    freeAttempt(a);
  };

  const startService = (s: number, a: number) => {
    markBusy(s, 1);
    heap.push(now + sample[groupOf[s]]() * slow[s], SERVER_DONE, a);
  };

  const releaseWorker = (s: number, a: number) => {
    if (trackMembers) members[s].delete(a);
    attWorking[a] = 0;
    active[s] -= 1;
    markBusy(s, -1);
    served[s] += 1;
    const q = queues[s];
    if (heads[s] < q.length) {
      const next = q[heads[s]++];
      if (heads[s] > 1024 && heads[s] * 2 > q.length) {
        q.splice(0, heads[s]);
        heads[s] = 0;
      }
      startService(s, next);
    }
  };

  const startDep = (a: number) => {
    depBusy += 1;
    heap.push(now + depSample() * depSlow, DEP_DONE, a);
  };

  const startAttempt = (r: number) => {
    reqTries[r] += 1;
    attemptsStarted += 1;
    let breakerCode = 255;
    if (breaker) {
      if (!breaker.tryAcquire(now)) {
        metrics.failure(now, reqStart[r], 'short-circuited');
        finishRequest(r);
        return;
      }
      breakerCode = BREAKER_CODE[breaker.state];
    }
    if (bulkhead !== undefined && inFlight >= bulkhead) {
      // A full bulkhead rejects at once, like resilience4j's semaphore bulkhead with no wait.
      if (breaker && breakerCode !== 255) breaker.record(now, true, 0, BREAKER_NAME[breakerCode]);
      fail(r, 'rejected');
      return;
    }
    const s = balance(reqClient[r]);
    if (s < 0) {
      if (breaker && breakerCode !== 255) breaker.record(now, true, 0, BREAKER_NAME[breakerCode]);
      fail(r, 'error');
      return;
    }
    if (active[s] >= workers[s] + queueCap[s]) {
      if (breaker && breakerCode !== 255) breaker.record(now, true, 0, BREAKER_NAME[breakerCode]);
      fail(r, 'rejected');
      return;
    }
    const a = attFree.length > 0 ? attFree.pop()! : attNext++;
    if (a >= acap) growAtt();
    attReq[a] = r;
    attServer[a] = s;
    attStart[a] = now;
    attEpoch[a] = epoch[s];
    attWaiting[a] = 1;
    attWorking[a] = 1;
    attBreaker[a] = breakerCode;
    attFreed[a] = 0;
    inFlight += 1;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    if (trackMembers) members[s].add(a);
    active[s] += 1;
    if (timeout !== undefined) heap.push(now + timeout, TIMEOUT, a);
    if (busy[s] < workers[s]) startService(s, a);
    else {
      queues[s].push(a);
      const queued = queues[s].length - heads[s];
      if (queued > maxQueue[s]) maxQueue[s] = queued;
    }
  };

  const applyFault = (index: number, starting: boolean) => {
    const f = sc.faults[index];
    const targets = f.target === 'dependency' ? [] : f.target === 'servers' ? [...Array(n).keys()] : [Number(f.target.slice('server-'.length)) - 1];
    if (f.target === 'dependency') {
      if (f.kind === 'slow') depSlow = starting ? f.factor : 1;
      if (f.kind === 'error') depError = starting ? f.rate : 0;
      return;
    }
    for (const s of targets) {
      if (f.kind === 'slow') slow[s] = starting ? f.factor : 1;
      else if (f.kind === 'error') errorRate[s] = starting ? f.rate : 0;
      else if (f.kind === 'crash') {
        if (starting) {
          // Connections to a crashed server are reset: its work is lost and its clients fail now.
          up[s] = 0;
          epoch[s] += 1;
          markBusy(s, -busy[s]);
          const lost = [...members[s]];
          members[s].clear();
          queues[s].length = 0;
          heads[s] = 0;
          active[s] = 0;
          // Their slots are never reused: events for them may still be queued (bounded by what was in flight).
          for (const a of lost) if (attWaiting[a]) clientDone(a, false, 'error');
        } else up[s] = 1;
      }
    }
  };

  // Schedule the world.
  sc.traffic.steps.forEach((step, i) => {
    if (step.at < end) heap.push(step.at, RATE_STEP, i);
  });
  sc.faults.forEach((f, i) => {
    if (f.at < end) heap.push(f.at, FAULT_START, i);
    if (f.at + f.duration < end) heap.push(f.at + f.duration, FAULT_END, i);
  });
  nextArrival();

  let events = 0;
  while (heap.size > 0 && heap.peekTime() < end) {
    heap.pop();
    now = heap.topTime;
    const data = heap.topData;
    events += 1;
    switch (heap.topKind) {
      case ARRIVAL: {
        if (data !== arrivalGen) break;
        metrics.arrival(now);
        const r = reqFree.length > 0 ? reqFree.pop()! : reqNext++;
        if (r >= cap) growReq();
        reqStart[r] = now;
        reqClient[r] = rng.int(sc.traffic.clients);
        reqTries[r] = 0;
        reqPrevDelay[r] = 0;
        if (retry?.budget !== undefined) retryTokens = Math.min(retryTokens + retry.budget, 10);
        startAttempt(r);
        nextArrival();
        break;
      }
      case RETRY:
        startAttempt(data);
        break;
      case SERVER_DONE: {
        const a = data;
        const s = attServer[a];
        if (attEpoch[a] !== epoch[s] || !attWorking[a]) break; // lost in a crash
        if (errorRate[s] > 0 && rng.next() < errorRate[s]) {
          releaseWorker(s, a);
          clientDone(a, false, 'error');
          freeAttempt(a);
        } else if (!dep) {
          releaseWorker(s, a);
          clientDone(a, true, 'error');
          freeAttempt(a);
        } else if (sc.cache && rng.next() < sc.cache.hitRatio) {
          heap.push(now + sc.cache.latency, CACHE_DONE, a);
        } else if (depBusy < dep.workers) startDep(a);
        else if (depQueue.length - depHead < dep.queue) depQueue.push(a);
        else {
          releaseWorker(s, a);
          clientDone(a, false, 'rejected');
          freeAttempt(a);
        }
        break;
      }
      case CACHE_DONE: {
        const a = data;
        const s = attServer[a];
        if (attEpoch[a] !== epoch[s] || !attWorking[a]) break;
        releaseWorker(s, a);
        clientDone(a, true, 'error');
        freeAttempt(a);
        break;
      }
      case DEP_DONE: {
        const a = data;
        depBusy -= 1;
        if (depHead < depQueue.length) {
          startDep(depQueue[depHead++]);
          if (depHead > 1024 && depHead * 2 > depQueue.length) {
            depQueue.splice(0, depHead);
            depHead = 0;
          }
        }
        const s = attServer[a];
        if (attEpoch[a] !== epoch[s] || !attWorking[a]) break;
        const ok = !(depError > 0 && rng.next() < depError);
        releaseWorker(s, a);
        clientDone(a, ok, 'error');
        freeAttempt(a);
        break;
      }
      case TIMEOUT: {
        const a = data;
        if (attWaiting[a] && attStart[a] + (timeout ?? 0) === now) clientDone(a, false, 'timeout');
        break;
      }
      case FAULT_START:
        applyFault(data, true);
        break;
      case FAULT_END:
        applyFault(data, false);
        break;
      case RATE_STEP:
        rate = sc.traffic.steps[data].rate;
        arrivalGen += 1;
        nextArrival();
        break;
    }
  }
  now = end;
  metrics.finish(end);
  for (let s = 0; s < n; s += 1) markBusy(s, 0);
  return {
    metrics,
    events,
    servers: Array.from({ length: n }, (_, s) => ({
      id: `server-${s + 1}`,
      utilization: end > 0 ? busyArea[s] / (workers[s] * end) : 0,
      served: served[s],
      maxQueue: maxQueue[s],
    })),
    breaker,
    maxInFlight,
    attempts: attemptsStarted,
  };
}
