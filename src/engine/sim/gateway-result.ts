/** One simulated second of a gateway run. */
export interface GatewayRow {
  t: number;
  offeredRps: number;
  admittedRps: number;
  goodputRps: number;
  /** Refused by the token bucket (429) or shed by the queue (503) in this second. */
  rejectedRps: number;
  /** Timed out, or lost in flight when a zone went down. */
  timedOutRps: number;
  queue: number;
  p95Ms: number;
  /** Instances taking traffic at the end of the second. */
  instances: number;
  /** Busy share of the ready workers over the second. */
  utilization: number;
}

/** What `simulate` prints for `kind: gateway`. */
export interface GatewayResult {
  scenario: string;
  kind: 'gateway';
  seed: number;
  simulatedSeconds: number;
  /** Counted by arrival after the warm-up. Rejections are answers the client gets at once, not errors. */
  /** lostInFlight: being processed on an instance when its zone went down (an error, like a 502). */
  requests: {
    offered: number;
    admitted: number;
    succeeded: number;
    timedOut: number;
    lostInFlight: number;
    rejected: { rateLimited: number; queueFull: number; tooOld: number };
  };
  throughput: { offeredRps: number; admittedRps: number; goodputRps: number };
  /** (Timed out + lost in flight) ÷ those plus succeeded: failures among the requests the gateway accepted to answer. */
  errorRate: number;
  /** Rejected ÷ offered. */
  rejectRate: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Capacity at the start, busy share of the ready workers, and the share of that work spent on answers the client no longer waited for. */
  server: { capacityRps: number; utilization: number; wastedShare: number };
  /** Each autoscaling decision: when, and the instance count before and after (new ones take traffic `startup` later). */
  scaling: Array<{ at: number; from: number; to: number; utilization: number }>;
  timeline: GatewayRow[];
  wallMs: number;
}
