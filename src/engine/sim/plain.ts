import { hashRing } from './balancer.js';
import { lognormalParams } from './dist.js';
import { ZIGGURAT } from './exponential.js';
import { Metrics, timelineRow } from './metrics.js';
import type { RunOutput } from './model.js';
import { PLAIN_KERNEL_WASM } from './plain-kernel-wasm.js';
import { Rng } from './rng.js';
import type { Scenario, Strategy } from './scenario.js';
import { makeServers, serverSummary } from './servers.js';

/**
 * Whether a scenario is only arrivals, a balancer and servers: no dependency, cache, policy or
 * fault. Such a run needs none of the attempt bookkeeping, so {@link runPlain} can take it.
 */
export function isPlain(sc: Scenario): boolean {
  const p = sc.policies;
  return (
    sc.dependency === undefined &&
    sc.cache === undefined &&
    sc.faults.length === 0 &&
    p.timeout === undefined &&
    p.retry === undefined &&
    p.circuitBreaker === undefined &&
    p.bulkhead === undefined
  );
}

/** What kernel/plain-kernel.ts exports. Addresses are byte offsets into `memory`. */
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
  run(budget: number): number;
  rowCount(): number;
  counter(i: number): number;
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
/** The kernel's `counter(i)`, by name. */
const Counter = {
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
} as const;
/** Events per call into the kernel: between calls V8 can swap in its optimised code. */
const SLICE = 1 << 16;

let compiled: WebAssembly.Module | undefined;

function kernel(): Kernel {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(PLAIN_KERNEL_WASM), (c) => c.charCodeAt(0)));
  // Logarithm, exponential and cosine from Math, so that every draw is the full model's to the bit.
  const env = { log: Math.log, exp: Math.exp, cos: Math.cos, abort: () => undefined };
  return new WebAssembly.Instance(compiled, { env }).exports as unknown as Kernel;
}

function balancerOf(sc: Scenario): number {
  const strategy = sc.loadBalancer.strategy;
  const weights = sc.servers.map((g) => g.weight);
  const weighted = weights.some((w) => w !== weights[0]);
  if (weighted && (strategy === 'least-connections' || strategy === 'power-of-two-choices'))
    return WEIGHTED_LEAST_REQUEST;
  return BALANCERS[strategy];
}

/**
 * The full model's run of a plain scenario, by the WebAssembly loop of kernel/plain-kernel.ts: it makes
 * the same draws and schedules the same events in the same order as the full model, so its result is
 * identical (tested), several times faster.
 */
export function runPlain(sc: Scenario, seed: number): RunOutput {
  const k = kernel();
  const rng = new Rng(seed);
  const sv = makeServers(sc, rng);
  const steps = sc.traffic.steps;
  const ipHash = sc.loadBalancer.strategy === 'ip-hash';
  const hash = ipHash ? hashRing(sv.n) : undefined;
  k.setup(sv.n, sc.servers.length, steps.length, Math.ceil(sc.duration / 1000) + 1, hash?.ring.length ?? 0);

  const buffer = k.memory.buffer;
  const f64 = (name: string, length: number) => new Float64Array(buffer, k[`${name}At`](), length);
  const i32 = (name: string, length: number) => new Int32Array(buffer, k[`${name}At`](), length);
  i32('groupOf', sv.n).set(sv.groupOf);
  i32('workers', sv.n).set(sv.workers);
  i32('queueCap', sv.n).set(sv.queueCap);
  f64('weight', sv.n).set(sv.weight);
  sc.servers.forEach((g, i) => {
    i32('distKind', sc.servers.length)[i] = DISTS[g.service.dist];
    const params = g.service.dist === 'lognormal' ? lognormalParams(g.service.mean, g.service.p99) : undefined;
    if (g.service.dist === 'lognormal' && !params)
      throw new Error('lognormal: p99 must exceed the mean and fit a lognormal');
    f64('distA', sc.servers.length)[i] = params ? params.mu : g.service.mean;
    f64('distB', sc.servers.length)[i] = params ? params.sigma : 0;
  });
  f64('stepAt', steps.length).set(steps.map((s) => s.at));
  f64('stepRate', steps.length).set(steps.map((s) => s.rate));
  i32('ke', 256).set(ZIGGURAT.ke);
  f64('we', 256).set(ZIGGURAT.we);
  f64('fe', 256).set(ZIGGURAT.fe);
  if (hash) {
    new Uint32Array(buffer, k.ringAt(), hash.ring.length).set(hash.ring);
    i32('ringOwner', hash.owner.length).set(hash.owner);
  }
  const poisson = sc.traffic.arrival !== 'constant' ? 1 : 0;
  k.configure(balancerOf(sc), poisson, sc.traffic.clients, sc.duration, sc.warmup, sc.apdex, sc.traffic.rate);
  const [a, b, c, d] = rng.words();
  k.seedRng(a, b, c, d);

  while (k.run(SLICE) === 0);
  return results(k, sc, sv);
}

/** The run's figures, read from the kernel's memory (it may have grown: fresh views). */
function results(k: Kernel, sc: Scenario, sv: ReturnType<typeof makeServers>): RunOutput {
  const buffer = k.memory.buffer;
  const f64 = (name: string, length: number) => new Float64Array(buffer, k[`${name}At`](), length);
  const i32 = (name: string, length: number) => new Int32Array(buffer, k[`${name}At`](), length);
  const metrics = new Metrics(sc.warmup, sc.apdex);
  metrics.offered = k.counter(Counter.offered);
  metrics.succeeded = k.counter(Counter.succeeded);
  metrics.failed = k.counter(Counter.failed);
  metrics.rejected = k.counter(Counter.rejected);
  metrics.satisfied = k.counter(Counter.satisfied);
  metrics.tolerating = k.counter(Counter.tolerating);
  const latency = f64('latency', 35 * 1024);
  metrics.latency.restore(
    latency,
    k.counter(Counter.latencyTotal),
    k.counter(Counter.latencySum),
    k.counter(Counter.latencyMax),
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
  return {
    metrics,
    events: k.counter(Counter.events),
    servers: serverSummary(sv, sc.duration),
    maxInFlight: k.counter(Counter.maxInFlight),
    attempts: k.counter(Counter.attempts),
  };
}
