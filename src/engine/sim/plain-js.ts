import { ARRIVAL, Agenda } from './agenda.js';
import { makeBalancer } from './balancer.js';
import { standardExponential } from './exponential.js';
import { Metrics } from './metrics.js';
import type { RunOutput } from './model.js';
import { Rng } from './rng.js';
import type { Scenario } from './scenario.js';
import { makeServers, markBusy, serverSummary } from './servers.js';
import { grown } from './slots.js';

/** Event kinds, the same numbers as the full model's. */
const SERVER_DONE = 3;
const RATE_STEP = 7;

/**
 * The plain loop in JavaScript, for the runs the WebAssembly kernel cannot hold (model.ts orReference):
 * typed arrays grow past the kernel's 1 GB block, and this loop keeps 12 bytes per request in flight where
 * the full model keeps about 60. It makes the same draws and schedules the same events in the same order
 * as the full model, so its result is identical (tested).
 */
export function runPlainInJs(sc: Scenario, seed: number): RunOutput {
  const rng = new Rng(seed);
  const agenda = new Agenda();
  const metrics = new Metrics(sc.warmup, sc.apdex);
  const end = sc.duration;
  const sv = makeServers(sc, rng);
  const { groupOf, workers, queueCap, sample, active, busy, served, maxQueue, queues } = sv;
  const balance = makeBalancer(sc.loadBalancer.strategy, sv, rng);
  const clientHashed = sc.loadBalancer.strategy === 'ip-hash';
  const clients = sc.traffic.clients;
  const poisson = sc.traffic.arrival !== 'constant';

  // Requests in flight: when each started and where it went, in slots that are reused.
  let start = new Float64Array(1024);
  let server = new Int32Array(1024);
  const free: number[] = [];
  let nextSlot = 0;

  let rate = sc.traffic.rate;
  /** The mean gap between arrivals (ms), divided out once per rate rather than per arrival. */
  let gap = 1000 / rate;
  let inFlight = 0;
  let maxInFlight = 0;
  let attempts = 0;
  let events = 0;

  const arrivalAfter = (now: number): void => {
    if (rate <= 0) return agenda.clearArrival();
    const at = now + (poisson ? gap * standardExponential(rng) : gap);
    if (at < end) agenda.setArrival(at);
    else agenda.clearArrival();
  };

  sc.traffic.steps.forEach((step, i) => {
    if (step.at < end) agenda.schedule(step.at, RATE_STEP, i);
  });
  arrivalAfter(0);

  while (agenda.next(end)) {
    const now = agenda.topTime;
    events += 1;
    const kind = agenda.topKind;
    if (kind === SERVER_DONE) {
      const r = agenda.topData;
      const s = server[r];
      // The worker moves on to the next in its queue, then the client has its answer.
      active[s] -= 1;
      markBusy(sv, s, now, -1);
      served[s] += 1;
      const next = queues[s].shift();
      if (next >= 0) {
        markBusy(sv, s, now, 1);
        agenda.schedule(now + sample[groupOf[s]](), SERVER_DONE, next);
      }
      inFlight -= 1;
      metrics.success(now, start[r]);
      free.push(r);
    } else if (kind === ARRIVAL) {
      metrics.arrival(now);
      const client = clientHashed ? rng.int(clients) : 0;
      attempts += 1;
      const s = balance(client);
      if (s < 0) metrics.failure(now, now, 'error');
      else if (active[s] >= workers[s] + queueCap[s]) metrics.failure(now, now, 'rejected');
      else {
        const r = free.length > 0 ? free.pop()! : nextSlot++;
        if (r >= start.length) {
          start = grown(start, start.length * 2);
          server = grown(server, server.length * 2);
        }
        start[r] = now;
        server[r] = s;
        inFlight += 1;
        if (inFlight > maxInFlight) maxInFlight = inFlight;
        active[s] += 1;
        if (busy[s] < workers[s]) {
          markBusy(sv, s, now, 1);
          agenda.schedule(now + sample[groupOf[s]](), SERVER_DONE, r);
        } else {
          const q = queues[s];
          q.push(r);
          if (q.size > maxQueue[s]) maxQueue[s] = q.size;
        }
      }
      arrivalAfter(now);
    } else if (kind === RATE_STEP) {
      rate = sc.traffic.steps[agenda.topData].rate;
      gap = 1000 / rate;
      arrivalAfter(now);
    }
  }
  metrics.finish(end);
  return { metrics, events, servers: serverSummary(sv, end), maxInFlight, attempts };
}
