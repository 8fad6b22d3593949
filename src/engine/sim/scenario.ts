import type { DistSpec } from './dist.js';
import type { BackoffOptions } from './backoff.js';
import type { WithLevers } from './levers.js';

/** A request-level scenario (the file format of docs/simulator.md, normalised: every time in ms). */
export interface Scenario extends WithLevers {
  kind: 'requests';
  name: string;
  description: string;
  seed: number;
  /** Simulated time (ms). */
  duration: number;
  /** Excluded from the statistics (ms). @default 0 */
  warmup: number;
  traffic: {
    rate: number;
    arrival: 'poisson' | 'constant';
    clients: number;
    steps: Array<{ at: number; rate: number }>;
  };
  loadBalancer: { strategy: Strategy };
  servers: Array<{ count: number; workers: number; queue: number; weight: number; service: DistSpec }>;
  dependency?: { workers: number; queue: number; service: DistSpec };
  cache?: { hitRatio: number; latency: number };
  policies: {
    timeout?: number;
    retry?: BackoffOptions & { attempts: number; budget?: number };
    circuitBreaker?: BreakerOptions;
    bulkhead?: { maxConcurrent: number };
  };
  faults: Fault[];
  /** Apdex threshold T (ms). @default 100 */
  apdex: number;
}

export type Strategy =
  'round-robin' | 'weighted-round-robin' | 'least-connections' | 'ip-hash' | 'random' | 'power-of-two-choices';
export const STRATEGIES: readonly Strategy[] = [
  'round-robin',
  'weighted-round-robin',
  'least-connections',
  'ip-hash',
  'random',
  'power-of-two-choices',
];

/** resilience4j's count-based circuit breaker settings (times in ms). */
export interface BreakerOptions {
  /** @default 50 */
  failureRateThreshold: number;
  /** @default 60000 */
  slowCallDurationThreshold: number;
  /** @default 100 */
  slowCallRateThreshold: number;
  /** @default 100 */
  slidingWindowSize: number;
  /** @default 100 */
  minimumNumberOfCalls: number;
  /** @default 60000 */
  waitDurationInOpenState: number;
  /** @default 10 */
  permittedNumberOfCallsInHalfOpenState: number;
}

export type Fault =
  /** The server stops: its in-flight work is lost and the balancer skips it. */
  | { at: number; kind: 'crash'; target: string; duration: number }
  /** Service times multiplied by `factor`. */
  | { at: number; kind: 'slow'; target: string; factor: number; duration: number }
  /** A fraction `rate` of calls fail. */
  | { at: number; kind: 'error'; target: string; rate: number; duration: number };

/** Component failures and repairs over a horizon (`kind: availability`). */
export interface AvailabilityScenario extends WithLevers {
  kind: 'availability';
  name: string;
  description: string;
  seed: number;
  /** Hours simulated per trial. */
  horizonHours: number;
  trials: number;
  /** Target availability (0–1), for the report. */
  target?: number;
  /** Components in series; each is a redundant group. */
  components: Array<{
    name: string;
    mtbfHours: number;
    mttrHours: number;
    /** Instances in the group. @default 1 */
    count: number;
    /** How many must be up (active-active N+1: count − 1 of count). @default 1 */
    needed: number;
    /** active-active: any `needed` up; active-passive: one active, failover takes `failoverSeconds`. @default 'active-active' */
    mode: 'active-active' | 'active-passive';
    failoverSeconds: number;
  }>;
}
