import { hashRing, isWeightedLeastRequest } from './balancer.js';
import { BREAKER_STATES, type Transition } from './breaker.js';
import { fittedLognormal, type DistSpec } from './dist.js';
import { ZIGGURAT } from './exponential.js';
import { Metrics, timelineRow } from './metrics.js';
import type { RunOutput } from './model.js';
import { KERNEL_WASM } from './kernel-wasm.js';
import { Rng } from './rng.js';
import type { Fault, Scenario, Strategy } from './scenario.js';
import { makeServers, serverIndex, serverSummary, type Servers } from './servers.js';

/**
 * The loader of kernel/ (kernel/index.ts), the simulator's loops in WebAssembly: it writes a scenario into
 * the kernel's memory, runs it, and reads the figures back into the engine's types.
 */

/** What the kernel exports. Addresses are byte offsets into `memory`. */
interface Kernel {
  memory: WebAssembly.Memory;
  setup(servers: number, groups: number, steps: number, rows: number, points: number): void;
  configure(
    balancer: number,
    poisson: number,
    clients: number,
    end: number,
    warmup: number,
    apdex: number,
    rate: number,
  ): void;
  seedRng(a: number, b: number, c: number, d: number): void;
  setupFull(faults: number): void;
  configurePolicies(
    timeout: number,
    attempts: number,
    constant: number,
    base: number,
    max: number,
    jitter: number,
    budget: number,
    bulkhead: number,
  ): void;
  configureDependency(workers: number, queue: number, group: number, hitRatio: number, latency: number): void;
  configureBreaker(
    failureRate: number,
    slowCall: number,
    slowRate: number,
    window: number,
    minimumCalls: number,
    wait: number,
    permitted: number,
  ): void;
  run(budget: number): number;
  runFull(budget: number): number;
  rowCount(): number;
  counter(i: number): number;
  transitionCount(): number;
  [address: `${string}At`]: () => number;
}

/** The kernel's balancer numbers. */
const BALANCERS: Record<Strategy, number> = {
  'round-robin': 0,
  'weighted-round-robin': 1,
  'least-connections': 2,
  random: 3,
  'power-of-two-choices': 4,
  'ip-hash': 6,
};
/** Least connections or power of two choices over unequal weights: Envoy's least request. */
const WEIGHTED_LEAST_REQUEST = 5;
const DISTS = { exponential: 0, constant: 1, lognormal: 2 } as const;
const FAULT_KINDS = { crash: 0, slow: 1, error: 2 } as const;
const JITTERS = { none: 0, full: 1, equal: 2, decorrelated: 3 } as const;
/** The kernel's `counter(i)`, by name. */
const C = {
  offered: 0,
  succeeded: 1,
  failed: 2,
  rejected: 3,
  satisfied: 4,
  tolerating: 5,
  latencyTotal: 6,
  latencySum: 7,
  latencyMax: 8,
  events: 9,
  maxInFlight: 10,
  attempts: 11,
  timedOut: 12,
  shortCircuited: 13,
  retries: 14,
} as const;
/** Events per call into the kernel: between calls V8 can swap in its optimised code. */
const SLICE = 1 << 16;
/** The latency histogram's buckets (histogram.ts's default shape). */
const LATENCY_BUCKETS = 35 * 1024;

let compiled: WebAssembly.Module | undefined;

function instantiate(): Kernel {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(KERNEL_WASM), (c) => c.charCodeAt(0)));
  // Logarithm, exponential and cosine from Math, so that every draw is the JavaScript model's to the bit.
  const env = { log: Math.log, exp: Math.exp, cos: Math.cos, abort: () => undefined };
  return new WebAssembly.Instance(compiled, { env }).exports as unknown as Kernel;
}

/** Views of the kernel's arrays; made again after a run, which may have grown its memory. */
function views(k: Kernel) {
  const buffer = k.memory.buffer;
  return {
    f64: (name: string, length: number) => new Float64Array(buffer, k[`${name}At`](), length),
    i32: (name: string, length: number) => new Int32Array(buffer, k[`${name}At`](), length),
    u32: (name: string, length: number) => new Uint32Array(buffer, k[`${name}At`](), length),
  };
}

function balancerOf(sc: Scenario, sv: Servers): number {
  const strategy = sc.loadBalancer.strategy;
  return isWeightedLeastRequest(strategy, sv.weight) ? WEIGHTED_LEAST_REQUEST : BALANCERS[strategy];
}

/** A fault's target: a server's index, −1 for every server, −2 for the dependency. */
function targetOf(f: Fault): number {
  if (f.target === 'servers') return -1;
  if (f.target === 'dependency') return -2;
  return serverIndex(f.target);
}

/**
 * Run a scenario in the kernel: the lean loop for a plain scenario (`full` false), else the full model.
 * Either makes the same draws, in the same order, with the same arithmetic as model.ts's JavaScript
 * model, so the result is the same to the byte (test/engine/sim/kernel.test.ts).
 */
export function runInKernel(sc: Scenario, seed: number, full: boolean): RunOutput {
  const k = instantiate();
  const rng = new Rng(seed);
  const sv = makeServers(sc, rng);
  const steps = sc.traffic.steps;
  const hash = sc.loadBalancer.strategy === 'ip-hash' ? hashRing(sv.n) : undefined;
  // The dependency's service times are one more distribution, after the groups'.
  const dists: DistSpec[] = [...sc.servers.map((g) => g.service), ...(sc.dependency ? [sc.dependency.service] : [])];
  k.setup(sv.n, dists.length, steps.length, Math.ceil(sc.duration / 1000) + 1, hash?.ring.length ?? 0);
  if (full) k.setupFull(sc.faults.length);

  const { f64, i32, u32 } = views(k);
  i32('groupOf', sv.n).set(sv.groupOf);
  i32('workers', sv.n).set(sv.workers);
  i32('queueCap', sv.n).set(sv.queueCap);
  f64('weight', sv.n).set(sv.weight);
  dists.forEach((d, i) => {
    const params = d.dist === 'lognormal' ? fittedLognormal(d.mean, d.p99) : undefined;
    i32('distKind', dists.length)[i] = DISTS[d.dist];
    f64('distA', dists.length)[i] = params ? params.mu : d.mean;
    f64('distB', dists.length)[i] = params ? params.sigma : 0;
  });
  f64('stepAt', steps.length).set(steps.map((s) => s.at));
  f64('stepRate', steps.length).set(steps.map((s) => s.rate));
  i32('ke', 256).set(ZIGGURAT.ke);
  f64('we', 256).set(ZIGGURAT.we);
  f64('fe', 256).set(ZIGGURAT.fe);
  if (hash) {
    u32('ring', hash.ring.length).set(hash.ring);
    i32('ringOwner', hash.owner.length).set(hash.owner);
  }
  const poisson = sc.traffic.arrival !== 'constant' ? 1 : 0;
  k.configure(balancerOf(sc, sv), poisson, sc.traffic.clients, sc.duration, sc.warmup, sc.apdex, sc.traffic.rate);
  if (full) configureFull(k, sc);
  const [a, b, c, d] = rng.words();
  k.seedRng(a, b, c, d);

  if (full) while (k.runFull(SLICE) === 0);
  else while (k.run(SLICE) === 0);
  return results(k, sc, sv, full);
}

function configureFull(k: Kernel, sc: Scenario): void {
  const { f64, i32 } = views(k);
  const faults = sc.faults;
  f64('faultAt', faults.length).set(faults.map((f) => f.at));
  f64('faultDuration', faults.length).set(faults.map((f) => f.duration));
  i32('faultKind', faults.length).set(faults.map((f) => FAULT_KINDS[f.kind]));
  i32('faultTarget', faults.length).set(faults.map(targetOf));
  f64('faultValue', faults.length).set(
    faults.map((f) => (f.kind === 'slow' ? f.factor : f.kind === 'error' ? f.rate : 0)),
  );
  const p = sc.policies;
  const retry = p.retry;
  k.configurePolicies(
    p.timeout ?? -1,
    retry?.attempts ?? 0,
    retry?.kind === 'constant' ? 1 : 0,
    retry?.base ?? 0,
    retry?.max ?? 0,
    retry ? JITTERS[retry.jitter] : 0,
    retry?.budget ?? -1,
    p.bulkhead?.maxConcurrent ?? -1,
  );
  const dep = sc.dependency;
  if (dep)
    k.configureDependency(dep.workers, dep.queue, sc.servers.length, sc.cache?.hitRatio ?? -1, sc.cache?.latency ?? 0);
  const o = p.circuitBreaker;
  if (o)
    k.configureBreaker(
      o.failureRateThreshold,
      o.slowCallDurationThreshold,
      o.slowCallRateThreshold,
      o.slidingWindowSize,
      o.minimumNumberOfCalls,
      o.waitDurationInOpenState,
      o.permittedNumberOfCallsInHalfOpenState,
    );
}

/** The run's figures, read from the kernel's memory. */
function results(k: Kernel, sc: Scenario, sv: Servers, full: boolean): RunOutput {
  const { f64, i32 } = views(k);
  const metrics = new Metrics(sc.warmup, sc.apdex);
  metrics.offered = k.counter(C.offered);
  metrics.succeeded = k.counter(C.succeeded);
  metrics.failed = k.counter(C.failed);
  metrics.rejected = k.counter(C.rejected);
  metrics.satisfied = k.counter(C.satisfied);
  metrics.tolerating = k.counter(C.tolerating);
  if (full) {
    metrics.timedOut = k.counter(C.timedOut);
    metrics.shortCircuited = k.counter(C.shortCircuited);
    metrics.retries = k.counter(C.retries);
  }
  metrics.latency.restore(
    f64('latency', LATENCY_BUCKETS),
    k.counter(C.latencyTotal),
    k.counter(C.latencySum),
    k.counter(C.latencyMax),
  );
  const rows = k.rowCount();
  const offered = i32('rowOffered', rows);
  const good = i32('rowGood', rows);
  const failed = i32('rowFailed', rows);
  const p95 = f64('rowP95', rows);
  for (let t = 0; t < rows; t += 1) metrics.timeline.push(timelineRow(t, offered[t], good[t], failed[t], p95[t]));

  sv.busy.set(i32('busy', sv.n));
  sv.served.set(f64('served', sv.n));
  sv.maxQueue.set(i32('maxQueue', sv.n));
  sv.busyArea.set(f64('busyArea', sv.n));
  sv.lastChange.set(f64('lastChange', sv.n));
  const out: RunOutput = {
    metrics,
    events: k.counter(C.events),
    servers: serverSummary(sv, sc.duration),
    maxInFlight: k.counter(C.maxInFlight),
    attempts: k.counter(C.attempts),
  };
  if (full && sc.policies.circuitBreaker) out.breaker = { transitions: transitions(k) };
  return out;
}

function transitions(k: Kernel): Transition[] {
  const { f64, i32 } = views(k);
  const count = k.transitionCount();
  const at = f64('transitionAt', count);
  const from = i32('transitionFrom', count);
  const to = i32('transitionTo', count);
  return Array.from({ length: count }, (_, i) => ({
    at: at[i],
    from: BREAKER_STATES[from[i]],
    to: BREAKER_STATES[to[i]],
  }));
}
