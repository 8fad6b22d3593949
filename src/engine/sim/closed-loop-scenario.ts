import type { DistSpec } from './dist.js';
import type { FieldReader, Obj } from './field-reader.js';
import type { Lever, Slo } from './levers.js';

/** Closed-loop users beside open-loop arrivals at the same rate (`kind: closed-loop`); times in ms. */
export interface ClosedLoopScenario {
  kind: 'closed-loop';
  name: string;
  description: string;
  seed: number;
  duration: number;
  /** Excluded from the statistics. @default 0 */
  warmup: number;
  /** Users that each send a request, wait for its answer, think, and send again. */
  users: number;
  /** Z, the pause between an answer and the user's next request. @default none (like `hey -c N`) */
  think: DistSpec;
  /** One station: `workers` in parallel behind one unbounded FIFO queue. */
  server: { workers: number; service: DistSpec };
  /** Windows in which the server makes no progress (a GC pause, a failover, a stuck lock). @default [] */
  stalls: Array<{ at: number; duration: number }>;
  /** The knobs a user may turn (`simulate --levers`). @default [] */
  levers?: Lever[];
  /** The objectives a run is judged against. @default [] */
  slos?: Slo[];
}

/** Validate and normalise a `kind: closed-loop` document. */
export function readClosedLoop(raw: Obj, r: FieldReader): ClosedLoopScenario {
  r.known(raw, '', ['kind', 'name', 'description', 'seed', 'duration', 'warmup', 'users', 'think', 'server', 'stalls']);
  const server = r.obj(raw, 'server', 'server', true);
  r.known(server, 'server', ['workers', 'service']);
  const sc: ClosedLoopScenario = {
    kind: 'closed-loop',
    name: r.str(raw, 'name', 'name', true) ?? 'closed-loop',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed: r.num(raw, 'seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 1,
    duration: r.time(raw, 'duration', 'duration', true, true) ?? 1,
    warmup: r.time(raw, 'warmup', 'warmup', false) ?? 0,
    users: r.num(raw, 'users', 'users', { min: 1, max: 100_000, integer: true, required: true }) ?? 1,
    think: raw.think === undefined ? { dist: 'constant', mean: 0 } : r.dist(raw, 'think', 'think'),
    server: {
      workers: r.num(server, 'workers', 'server.workers', { min: 1, max: 100_000, integer: true }) ?? 1,
      service: r.dist(server, 'service', 'server.service'),
    },
    stalls: r
      .list(raw, 'stalls', 'stalls')
      .map((s, i) => {
        const at = `stalls[${i}]`;
        if (s === null || typeof s !== 'object' || Array.isArray(s))
          return r.fail(at, 'must be a mapping with at and duration') ?? { at: 0, duration: 0 };
        r.known(s as Obj, at, ['at', 'duration']);
        return {
          at: r.time(s as Obj, 'at', `${at}.at`, true) ?? 0,
          duration: r.time(s as Obj, 'duration', `${at}.duration`, true, true) ?? 0,
        };
      })
      .sort((a, b) => a.at - b.at),
  };
  if (sc.warmup >= sc.duration) r.fail('warmup', 'must be shorter than duration');
  // Each user sends at most one request per (think + service) time; the open-loop run matches that rate.
  const perSecond = (sc.users * 1000) / (sc.think.mean + sc.server.service.mean);
  if ((perSecond * sc.duration) / 1000 > 20_000_000)
    r.fail(
      'users',
      `would send about ${Math.round((perSecond * sc.duration) / 1000).toLocaleString('en-US')} requests, over the limit of 20,000,000: fewer users or a shorter duration`,
    );
  return sc;
}
