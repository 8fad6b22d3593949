import { sampler } from './dist.js';
import { IntFifo } from './fifo.js';
import type { Rng } from './rng.js';
import type { Scenario } from './scenario.js';

/** The servers of every group, flattened, as typed-array columns indexed by server. */
export interface Servers {
  n: number;
  groupOf: Int32Array;
  workers: Int32Array;
  queueCap: Int32Array;
  weight: Float64Array;
  /** A service-time sampler per group. */
  sample: Array<() => number>;
  up: Uint8Array;
  /** Work held (in service or queued). */
  active: Int32Array;
  busy: Int32Array;
  served: Float64Array;
  maxQueue: Int32Array;
  /** ∫ busy workers dt, brought up to date at lastChange. */
  busyArea: Float64Array;
  lastChange: Float64Array;
  /** Each server's waiting work, oldest first. */
  queues: IntFifo[];
}

export function makeServers(sc: Scenario, rng: Rng): Servers {
  const groups: number[] = [];
  sc.servers.forEach((g, gi) => {
    for (let k = 0; k < g.count; k += 1) groups.push(gi);
  });
  const n = groups.length;
  return {
    n,
    groupOf: Int32Array.from(groups),
    workers: Int32Array.from(groups, (g) => sc.servers[g].workers),
    queueCap: Int32Array.from(groups, (g) => sc.servers[g].queue),
    weight: Float64Array.from(groups, (g) => sc.servers[g].weight),
    sample: sc.servers.map((g) => sampler(g.service, rng)),
    up: new Uint8Array(n).fill(1),
    active: new Int32Array(n),
    busy: new Int32Array(n),
    served: new Float64Array(n),
    maxQueue: new Int32Array(n),
    busyArea: new Float64Array(n),
    lastChange: new Float64Array(n),
    queues: Array.from({ length: n }, () => new IntFifo()),
  };
}

/** The index of the server a `server-N` target names. */
export function serverIndex(target: string): number {
  return Number(target.slice('server-'.length)) - 1;
}

/** Change server s's busy workers by delta at `now`, first adding the busy time since the last change. */
export function markBusy(sv: Servers, s: number, now: number, delta: number): void {
  sv.busyArea[s] += sv.busy[s] * (now - sv.lastChange[s]);
  sv.lastChange[s] = now;
  sv.busy[s] += delta;
}

/** Per-server figures at the end of a run of `end` ms (busy areas brought up to date first). */
export function serverSummary(
  sv: Servers,
  end: number,
): Array<{ id: string; utilization: number; served: number; maxQueue: number }> {
  for (let s = 0; s < sv.n; s += 1) markBusy(sv, s, end, 0);
  return Array.from({ length: sv.n }, (_, s) => ({
    id: `server-${s + 1}`,
    utilization: end > 0 ? sv.busyArea[s] / (sv.workers[s] * end) : 0,
    served: sv.served[s],
    maxQueue: sv.maxQueue[s],
  }));
}
