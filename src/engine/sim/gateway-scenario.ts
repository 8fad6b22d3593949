import { peakRate, readArrivals, type ArrivalSpec } from './arrivals.js';
import { readAutoscale, type AutoscaleOptions } from './autoscaler.js';
import type { DistSpec } from './dist.js';
import { isObj, type FieldReader, type Obj } from './field-reader.js';
import type { Lever, Slo } from './levers.js';

/** Admission control at a gateway (`kind: gateway`): a token bucket, a bounded queue, shedding rules; times in ms. */
export interface GatewayScenario {
  kind: 'gateway';
  name: string;
  description: string;
  seed: number;
  duration: number;
  /** Excluded from the statistics. @default 0 */
  warmup: number;
  traffic: ArrivalSpec;
  /** A token bucket (golang.org/x/time/rate): `rate` tokens a second, at most `burst` saved; starts full. Absent: no limit. */
  rateLimit?: { rate: number; burst: number };
  /** Each instance has `workers`; the balancer keeps one shared queue (as least-loaded balancing nearly does). */
  server: { workers: number; service: DistSpec };
  /** Instances at the start. @default 1 */
  instances: number;
  /** Availability zones; instances are spread over them round robin, new ones to the zone with the fewest. @default 1 */
  zones: number;
  /** A zone goes down: its instances stop at once (their in-flight requests fail) and return after `duration`. @default [] */
  faults: Array<{ at: number; kind: 'zone-down'; zone: number; duration: number }>;
  /** Adds and removes instances to hold a target utilisation. Absent: a fixed count. */
  autoscale?: AutoscaleOptions;
  queue: {
    /** Requests waiting beyond this are rejected on arrival (shed). @default 1000 */
    limit: number;
    /** fifo: oldest first; lifo: newest first, so under overload the fresh requests are answered in time. @default 'fifo' */
    discipline: 'fifo' | 'lifo';
    /** A request that has waited longer is dropped when it reaches a worker, not processed (shed). Absent: never. */
    maxAge?: number;
  };
  /** The client gives up after this; an answer later than that is wasted work, counted as timed out. */
  timeout: number;
  /** The knobs a user may turn (`simulate --levers`). @default [] */
  levers?: Lever[];
  /** The objectives a run is judged against. @default [] */
  slos?: Slo[];
}

/** Validate and normalise a `kind: gateway` document. */
export function readGateway(raw: Obj, r: FieldReader): GatewayScenario {
  r.known(raw, '', [
    'kind',
    'name',
    'description',
    'seed',
    'duration',
    'warmup',
    'traffic',
    'rateLimit',
    'server',
    'instances',
    'zones',
    'faults',
    'autoscale',
    'queue',
    'timeout',
  ]);
  const zones = r.num(raw, 'zones', 'zones', { min: 1, max: 100, integer: true }) ?? 1;
  const instances = r.num(raw, 'instances', 'instances', { min: 1, max: 10_000, integer: true }) ?? 1;
  const traffic = r.obj(raw, 'traffic', 'traffic', true);
  r.known(traffic, 'traffic', ['rate', 'arrival', 'steps', 'bursts', 'diurnal']);
  const server = r.obj(raw, 'server', 'server', true);
  r.known(server, 'server', ['workers', 'service']);
  const queue = r.obj(raw, 'queue', 'queue');
  r.known(queue, 'queue', ['limit', 'discipline', 'maxAge']);
  const limit = raw.rateLimit === undefined ? undefined : r.obj(raw, 'rateLimit', 'rateLimit');
  if (limit) r.known(limit, 'rateLimit', ['rate', 'burst']);
  const sc: GatewayScenario = {
    kind: 'gateway',
    name: r.str(raw, 'name', 'name', true) ?? 'gateway',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed: r.num(raw, 'seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 1,
    duration: r.time(raw, 'duration', 'duration', true, true) ?? 1,
    warmup: r.time(raw, 'warmup', 'warmup', false) ?? 0,
    traffic: readArrivals(traffic, 'traffic', r),
    rateLimit: limit && {
      rate: r.num(limit, 'rate', 'rateLimit.rate', { min: 0, exclusiveMin: true, required: true }) ?? 1,
      burst: r.num(limit, 'burst', 'rateLimit.burst', { min: 1, integer: true, required: true }) ?? 1,
    },
    server: {
      workers: r.num(server, 'workers', 'server.workers', { min: 1, max: 100_000, integer: true }) ?? 1,
      service: r.dist(server, 'service', 'server.service'),
    },
    instances,
    zones,
    faults: r.list(raw, 'faults', 'faults').map((f, i) => {
      const at = `faults[${i}]`;
      const o = isObj(f)
        ? f
        : (r.fail(at, 'must be a mapping such as { at: 60s, kind: zone-down, zone: 2, duration: 5m }'), {});
      r.known(o, at, ['at', 'kind', 'zone', 'duration']);
      r.oneOf(o, 'kind', `${at}.kind`, ['zone-down'] as const);
      if (o.kind === undefined) r.fail(`${at}.kind`, 'is required (zone-down)');
      const zone = r.num(o, 'zone', `${at}.zone`, { min: 1, max: zones, integer: true, required: true }) ?? 1;
      return {
        at: r.time(o, 'at', `${at}.at`, true) ?? 0,
        kind: 'zone-down' as const,
        zone: zone - 1,
        duration: r.time(o, 'duration', `${at}.duration`, true, true) ?? 1,
      };
    }),
    autoscale:
      raw.autoscale === undefined ? undefined : readAutoscale(r.obj(raw, 'autoscale', 'autoscale'), r, instances),
    queue: {
      limit: r.num(queue, 'limit', 'queue.limit', { min: 0, max: 10_000_000, integer: true }) ?? 1000,
      discipline: r.oneOf(queue, 'discipline', 'queue.discipline', ['fifo', 'lifo'] as const) ?? 'fifo',
      maxAge: r.time(queue, 'maxAge', 'queue.maxAge', false, true),
    },
    timeout: r.time(raw, 'timeout', 'timeout', true, true) ?? 1,
  };
  if (sc.warmup >= sc.duration) r.fail('warmup', 'must be shorter than duration');
  const peak = peakRate(sc.traffic);
  if ((peak * sc.duration) / 1000 > 20_000_000)
    r.fail(
      'traffic.rate',
      `would offer about ${Math.round((peak * sc.duration) / 1000).toLocaleString('en-US')} requests, over the limit of 20,000,000: shorten duration or lower the rate`,
    );
  return sc;
}
