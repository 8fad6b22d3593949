import { ARRIVAL, Agenda, TIMEOUT } from './agenda.js';
import { backoffDelay } from './backoff.js';
import { makeBalancer, type Balancer } from './balancer.js';
import { BREAKER_STATES, CircuitBreaker, type Transition } from './breaker.js';
import { sampler } from './dist.js';
import { standardExponential } from './exponential.js';
import { Metrics } from './metrics.js';
import { runInKernel } from './kernel.js';
import { isPlain, runPlain } from './plain.js';
import { runPlainInJs } from './plain-js.js';
import { Rng } from './rng.js';
import type { Scenario } from './scenario.js';
import { IntFifo } from './fifo.js';
import { makeServers, markBusy, serverIndex, serverSummary, type Servers } from './servers.js';
import { AttemptSlots, NO_BREAKER, RequestSlots } from './slots.js';

// Event kinds (ARRIVAL and TIMEOUT are the agenda's).
const RETRY = 2;
const SERVER_DONE = 3;
const DEP_DONE = 4;
const FAULT_START = 5;
const FAULT_END = 6;
const RATE_STEP = 7;
const CACHE_DONE = 8;

type FailReason = 'error' | 'timeout' | 'rejected' | 'short-circuited';

/** What a run leaves behind, before it is shaped into the JSON result. */
export interface RunOutput {
  metrics: Metrics;
  events: number;
  servers: Array<{ id: string; utilization: number; served: number; maxQueue: number }>;
  breaker?: { transitions: Transition[] };
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
  const plain = isPlain(sc);
  const javascript = () => (plain ? runPlainInJs(sc, seed) : runReference(sc, seed));
  if (!kernelHolds(sc, plain)) return javascript();
  return orReference(() => (plain ? runPlain(sc, seed) : runInKernel(sc, seed, true)), javascript);
}

/**
 * The full model, whatever the scenario (runScenario takes a leaner loop for plain ones), run by its
 * WebAssembly form (kernel/), which gives {@link runReference}'s result to the byte.
 */
export function runFull(sc: Scenario, seed: number): RunOutput {
  const javascript = () => runReference(sc, seed);
  return kernelHolds(sc, false) ? orReference(() => runInKernel(sc, seed, true), javascript) : javascript();
}

/** Requests in flight at once that the kernel's arrays surely hold (a block of 8-byte slots is under 1 GB). */
export const KERNEL_IN_FLIGHT = 2 ** 26;

/**
 * Whether the kernel surely holds a run: the requests it could have in flight at once are under
 * KERNEL_IN_FLIGHT. That is at most every arrival (the peak rate over the whole run, with room for
 * Poisson's spread), and for a plain run at most every worker and queue place.
 */
export function kernelHolds(sc: Scenario, plain: boolean): boolean {
  const peak = Math.max(sc.traffic.rate, ...sc.traffic.steps.map((s) => s.rate));
  const arrivals = peak * (sc.duration / 1000) * 1.1 + 1000;
  const places = sc.servers.reduce((sum, g) => sum + g.count * (g.workers + g.queue), 0);
  return Math.min(arrivals, plain ? places : Infinity) < KERNEL_IN_FLIGHT;
}

/**
 * A kernel run, or the same run in JavaScript when the kernel stops: WebAssembly traps when a run holds
 * more in flight than its memory allows (a block is at most 1 GB there: about 130 million queued
 * requests), where typed arrays still grow. Both give the same result; the user sees only a slower run.
 */
export function orReference(kernel: () => RunOutput, javascript: () => RunOutput): RunOutput {
  try {
    return kernel();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    return javascript();
  }
}

/**
 * The full model in JavaScript: the readable statement of what the simulator does, and the reference
 * the WebAssembly loops are tested against (test/engine/sim/kernel.test.ts).
 */
export function runReference(sc: Scenario, seed: number): RunOutput {
  return new Simulation(sc, seed).run();
}

/**
 * The state of one run. A class rather than closures over `let`s: V8 boxes every double written to a
 * closure's variable (a fresh heap number per event for the clock), but updates a field in place.
 */
class Simulation {
  private readonly rng: Rng;
  private readonly agenda = new Agenda();
  private readonly metrics: Metrics;
  private now = 0;
  private readonly end: number;

  /** Servers, flattened across groups. */
  private readonly sv: Servers;
  /** Crash count per server: work that arrived before the last crash is lost. */
  private readonly epoch: Int32Array;
  private readonly slow: Float64Array;
  private readonly errorRate: Float64Array;
  /** How many crash faults cover each server now: it is up only at 0. */
  private readonly crashDepth: Int32Array;
  /** Faults in force, by index. */
  private readonly activeFaults = new Set<number>();
  private readonly balance: Balancer;
  /** Only IP hash looks at the client; other strategies skip the draw. */
  private readonly clientHashed: boolean;

  // The dependency behind the servers.
  private readonly depSample: () => number;
  private depBusy = 0;
  private readonly depQueue = new IntFifo();
  private depSlow = 1;
  private depError = 0;

  // Policies.
  private readonly retry: Scenario['policies']['retry'];
  private readonly timeout: number | undefined;
  private readonly bulkhead: number | undefined;
  private readonly breaker: CircuitBreaker | undefined;
  private retryTokens = 0;
  private inFlight = 0;
  private maxInFlight = 0;
  private attemptsStarted = 0;

  private readonly reqs = new RequestSlots();
  private readonly atts = new AttemptSlots();

  private rate: number;
  /** The mean gap between arrivals (ms), divided out once per rate rather than per arrival. */
  private gap: number;
  private readonly poisson: boolean;

  constructor(
    private readonly sc: Scenario,
    seed: number,
  ) {
    const rng = (this.rng = new Rng(seed));
    this.metrics = new Metrics(sc.warmup, sc.apdex);
    this.end = sc.duration;
    const sv = (this.sv = makeServers(sc, rng));
    const n = sv.n;
    this.epoch = new Int32Array(n);
    this.slow = new Float64Array(n).fill(1);
    this.errorRate = new Float64Array(n);
    this.crashDepth = new Int32Array(n);
    this.balance = makeBalancer(sc.loadBalancer.strategy, sv, rng);
    this.clientHashed = sc.loadBalancer.strategy === 'ip-hash';
    this.depSample = sc.dependency ? sampler(sc.dependency.service, rng) : () => 0;
    this.retry = sc.policies.retry;
    this.timeout = sc.policies.timeout;
    this.bulkhead = sc.policies.bulkhead?.maxConcurrent;
    this.breaker = sc.policies.circuitBreaker ? new CircuitBreaker(sc.policies.circuitBreaker) : undefined;
    this.rate = sc.traffic.rate;
    this.gap = 1000 / this.rate;
    this.poisson = sc.traffic.arrival !== 'constant';
  }

  run(): RunOutput {
    const { sc, agenda, end } = this;
    sc.traffic.steps.forEach((step, i) => {
      if (step.at < end) agenda.schedule(step.at, RATE_STEP, i);
    });
    sc.faults.forEach((f, i) => {
      if (f.at < end) agenda.schedule(f.at, FAULT_START, i);
      if (f.at + f.duration < end) agenda.schedule(f.at + f.duration, FAULT_END, i);
    });
    this.nextArrival();

    let events = 0;
    while (agenda.next(end)) {
      this.now = agenda.topTime;
      events += 1;
      const data = agenda.topData;
      switch (agenda.topKind) {
        case ARRIVAL:
          this.arrive();
          break;
        case RETRY:
          this.startAttempt(data);
          break;
        case SERVER_DONE:
          this.serverDone(data);
          break;
        case CACHE_DONE:
          if (this.lost(data)) break;
          this.answer(data, true, 'error');
          break;
        case DEP_DONE:
          this.dependencyDone(data);
          break;
        case TIMEOUT:
          if (this.atts.waiting[data] && this.atts.start[data] + (this.timeout ?? 0) === this.now)
            this.clientDone(data, false, 'timeout');
          break;
        case FAULT_START:
          this.applyFault(data, true);
          break;
        case FAULT_END:
          this.applyFault(data, false);
          break;
        case RATE_STEP:
          this.rate = sc.traffic.steps[data].rate;
          this.gap = 1000 / this.rate;
          this.nextArrival();
          break;
      }
    }
    this.now = end;
    this.metrics.finish(end);
    return {
      metrics: this.metrics,
      events,
      servers: serverSummary(this.sv, end),
      breaker: this.breaker,
      maxInFlight: this.maxInFlight,
      attempts: this.attemptsStarted,
    };
  }

  /** Draw the next arrival after now (a rate change replaces the pending one). */
  private nextArrival(): void {
    if (this.rate <= 0) {
      this.agenda.clearArrival();
      return;
    }
    const at = this.now + (this.poisson ? this.gap * standardExponential(this.rng) : this.gap);
    if (at < this.end) this.agenda.setArrival(at);
    else this.agenda.clearArrival();
  }

  private arrive(): void {
    this.metrics.arrival(this.now);
    const r = this.reqs.take(this.now, this.clientHashed ? this.rng.int(this.sc.traffic.clients) : 0);
    const retry = this.retry;
    if (retry !== undefined && retry.budget !== undefined)
      this.retryTokens = Math.min(this.retryTokens + retry.budget, 10);
    this.startAttempt(r);
    this.nextArrival();
  }

  private startAttempt(r: number): void {
    const now = this.now;
    this.reqs.tries[r] += 1;
    this.attemptsStarted += 1;
    const breaker = this.breaker;
    let breakerCode = NO_BREAKER;
    if (breaker !== undefined) {
      if (!breaker.tryAcquire(now)) {
        this.metrics.failure(now, this.reqs.start[r], 'short-circuited');
        this.reqs.release(r);
        return;
      }
      breakerCode = breaker.code;
    }
    if (this.bulkhead !== undefined && this.inFlight >= this.bulkhead) {
      // A full bulkhead rejects at once, like resilience4j's semaphore bulkhead with no wait.
      this.refuse(r, breakerCode, 'rejected');
      return;
    }
    const s = this.balance(this.reqs.client[r]);
    if (s < 0) {
      this.refuse(r, breakerCode, 'error');
      return;
    }
    const sv = this.sv;
    if (sv.active[s] >= sv.workers[s] + sv.queueCap[s]) {
      this.refuse(r, breakerCode, 'rejected');
      return;
    }
    const a = this.atts.take(now, r, s, this.epoch[s], breakerCode);
    this.inFlight += 1;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    sv.active[s] += 1;
    if (this.timeout !== undefined) this.agenda.scheduleTimeout(now + this.timeout, a);
    if (sv.busy[s] < sv.workers[s]) this.startService(s, a);
    else {
      const q = sv.queues[s];
      q.push(a);
      if (q.size > sv.maxQueue[s]) sv.maxQueue[s] = q.size;
    }
  }

  /** An attempt refused before it reached a server still counts as a failed call for the breaker. */
  private refuse(r: number, breakerCode: number, reason: 'error' | 'rejected'): void {
    if (this.breaker !== undefined && breakerCode !== NO_BREAKER)
      this.breaker.record(this.now, true, 0, BREAKER_STATES[breakerCode]);
    this.fail(r, reason);
  }

  private startService(s: number, a: number): void {
    markBusy(this.sv, s, this.now, 1);
    this.agenda.schedule(this.now + this.sv.sample[this.sv.groupOf[s]]() * this.slow[s], SERVER_DONE, a);
  }

  /** Whether the attempt's server crashed (or let go of it) since it arrived. */
  private lost(a: number): boolean {
    return this.atts.epoch[a] !== this.epoch[this.atts.server[a]] || !this.atts.working[a];
  }

  private serverDone(a: number): void {
    if (this.lost(a)) return;
    const s = this.atts.server[a];
    const dep = this.sc.dependency;
    const rng = this.rng;
    if (this.errorRate[s] > 0 && rng.next() < this.errorRate[s]) this.answer(a, false, 'error');
    else if (dep === undefined) this.answer(a, true, 'error');
    else if (this.sc.cache !== undefined && rng.next() < this.sc.cache.hitRatio)
      this.agenda.schedule(this.now + this.sc.cache.latency, CACHE_DONE, a);
    else if (this.depBusy < dep.workers) this.startDependency(a);
    else if (this.depQueue.size < dep.queue) this.depQueue.push(a);
    else this.answer(a, false, 'rejected');
  }

  private startDependency(a: number): void {
    this.depBusy += 1;
    this.agenda.schedule(this.now + this.depSample() * this.depSlow, DEP_DONE, a);
  }

  private dependencyDone(a: number): void {
    this.depBusy -= 1;
    const next = this.depQueue.shift();
    if (next >= 0) this.startDependency(next);
    if (this.lost(a)) return;
    this.answer(a, !(this.depError > 0 && this.rng.next() < this.depError), 'error');
  }

  /** The server answers: its worker moves on, and the client (if still waiting) gets the answer. */
  private answer(a: number, ok: boolean, reason: 'error' | 'rejected'): void {
    this.releaseWorker(this.atts.server[a], a);
    this.clientDone(a, ok, reason);
    this.atts.release(a);
  }

  private releaseWorker(s: number, a: number): void {
    this.atts.working[a] = 0;
    this.sv.active[s] -= 1;
    markBusy(this.sv, s, this.now, -1);
    this.sv.served[s] += 1;
    const next = this.sv.queues[s].shift();
    if (next >= 0) this.startService(s, next);
  }

  /** The client side of an attempt ends (answer, failure or timeout). */
  private clientDone(a: number, ok: boolean, reason: 'error' | 'timeout' | 'rejected'): void {
    const atts = this.atts;
    if (!atts.waiting[a]) return;
    atts.waiting[a] = 0;
    this.inFlight -= 1;
    const r = atts.req[a];
    const code = atts.breaker[a];
    if (this.breaker !== undefined && code !== NO_BREAKER)
      this.breaker.record(this.now, !ok, this.now - atts.start[a], BREAKER_STATES[code]);
    if (ok) {
      this.metrics.success(this.now, this.reqs.start[r]);
      this.reqs.release(r);
    } else this.fail(r, reason);
    atts.release(a);
  }

  /** A failed attempt: retry after a backoff if the policy and budget allow, or fail the request. */
  private fail(r: number, reason: FailReason): void {
    const retry = this.retry;
    const reqs = this.reqs;
    const tries = reqs.tries[r];
    if (retry !== undefined && reason !== 'short-circuited' && tries < retry.attempts) {
      if (retry.budget === undefined || this.retryTokens >= 1) {
        if (retry.budget !== undefined) this.retryTokens -= 1;
        const delay = backoffDelay(retry, tries - 1, reqs.prevDelay[r], this.rng);
        reqs.prevDelay[r] = delay;
        this.metrics.retry(reqs.start[r]);
        this.agenda.schedule(this.now + delay, RETRY, r);
        return;
      }
    }
    this.metrics.failure(this.now, reqs.start[r], reason);
    reqs.release(r);
  }

  /**
   * Faults compose while they overlap: slow factors multiply, error rates combine as 1 − Π(1 − rate),
   * and a server stays down while any crash covers it. So the end of one fault never cancels another.
   */
  private applyFault(index: number, starting: boolean): void {
    const f = this.sc.faults[index];
    if (starting) this.activeFaults.add(index);
    else this.activeFaults.delete(index);
    if (f.kind !== 'crash') {
      this.recomputeFaults();
      return;
    }
    for (const s of this.faultTargets(f.target)) {
      this.crashDepth[s] += starting ? 1 : -1;
      if (starting && this.crashDepth[s] === 1) this.crash(s);
      else if (!starting && this.crashDepth[s] === 0) this.sv.up[s] = 1;
    }
  }

  private faultTargets(target: string): number[] {
    return target === 'servers' ? [...Array(this.sv.n).keys()] : [serverIndex(target)];
  }

  /** Slow factors and error rates from every fault in force now. */
  private recomputeFaults(): void {
    this.slow.fill(1);
    this.errorRate.fill(0);
    this.depSlow = 1;
    this.depError = 0;
    for (const i of this.activeFaults) {
      const f = this.sc.faults[i];
      if (f.kind === 'crash') continue;
      if (f.target === 'dependency') {
        if (f.kind === 'slow') this.depSlow *= f.factor;
        else this.depError = 1 - (1 - this.depError) * (1 - f.rate);
        continue;
      }
      for (const s of this.faultTargets(f.target)) {
        if (f.kind === 'slow') this.slow[s] *= f.factor;
        else this.errorRate[s] = 1 - (1 - this.errorRate[s]) * (1 - f.rate);
      }
    }
  }

  /** Connections to a crashed server are reset: its work is lost and its clients fail now. */
  private crash(s: number): void {
    const lost = this.atts.heldBy(s, this.epoch[s]);
    this.sv.up[s] = 0;
    this.epoch[s] += 1;
    markBusy(this.sv, s, this.now, -this.sv.busy[s]);
    this.sv.queues[s].clear();
    this.sv.active[s] = 0;
    // Their slots are never reused: events for them may still be queued (bounded by what was in flight).
    for (const a of lost) if (this.atts.waiting[a]) this.clientDone(a, false, 'error');
  }
}
