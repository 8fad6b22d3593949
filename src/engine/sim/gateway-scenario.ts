import * as z from 'zod/mini';
import { arrivals, peakRate, toArrivals, type ArrivalSpec } from './arrivals.js';
import { autoscaleFields, toAutoscale, type AutoscaleOptions } from './autoscaler.js';
import type { DistSpec } from './dist.js';
import { common, dist, int, num, obj, oneOf, time, toDist, type Fail } from './fields.js';
import type { WithLevers } from './levers.js';

/** Admission control at a gateway (`kind: gateway`): a token bucket, a bounded queue, shedding rules; times in ms. */
export interface GatewayScenario extends WithLevers {
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
}

/** The `kind: gateway` document. */
export const gatewayFields = z.lazy(() =>
  obj({
    ...common('gateway', 'Admission control: a token bucket, a bounded queue, shedding, autoscaling and zones.'),
    duration: time('Simulated time.', true),
    warmup: z.optional(time('Excluded from the statistics.')),
    traffic: arrivals('Requests offered.'),
    rateLimit: z.optional(
      obj({
        rate: num('Tokens a second.', { min: 0, exclusiveMin: true }),
        burst: int('Tokens saved at most.', 1, Number.MAX_SAFE_INTEGER),
      }),
    ),
    server: obj({ workers: z._default(int('Workers per instance.', 1, 100_000), 1), service: dist() }),
    instances: z._default(int('Instances at the start.', 1, 10_000), 1),
    zones: z._default(int('Zones the instances are spread over.', 1, 100), 1),
    faults: z.optional(
      z.array(
        obj(
          {
            at: time('When.'),
            kind: z.literal('zone-down', {
              error: (iss) => (iss.input === undefined ? 'is required (zone-down)' : undefined),
            }),
            zone: int('Zone, from 1 to zones.', 1, 100),
            duration: time('How long.', true),
          },
          '',
          'must be a mapping such as { at: 60s, kind: zone-down, zone: 2, duration: 5m }',
        ),
      ),
    ),
    autoscale: z.optional(autoscaleFields),
    queue: z.optional(
      obj({
        limit: z._default(int('Waiting requests at most.', 0, 10_000_000), 1000),
        discipline: z._default(oneOf(['fifo', 'lifo']), 'fifo'),
        maxAge: z.optional(time('Drop a request that waited longer.', true)),
      }),
    ),
    timeout: time('The client gives up after this.', true),
  }),
);

/** Normalise a `kind: gateway` document read by {@link gatewayFields}. */
export function toGateway(raw: z.output<typeof gatewayFields>, fail: Fail): GatewayScenario {
  const { zones, instances } = raw;
  const sc: GatewayScenario = {
    kind: 'gateway',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    duration: raw.duration,
    warmup: raw.warmup ?? 0,
    traffic: toArrivals(raw.traffic, 'traffic', fail),
    rateLimit: raw.rateLimit,
    server: { workers: raw.server.workers, service: toDist(raw.server.service, 'server.service', fail) },
    instances,
    zones,
    faults: (raw.faults ?? []).map((f, i) => {
      if (f.zone > zones) fail(`faults[${i}].zone`, `must be at most ${zones} (zones), not ${f.zone}`);
      return { at: f.at, kind: f.kind, zone: f.zone - 1, duration: f.duration };
    }),
    autoscale: raw.autoscale && toAutoscale(raw.autoscale, fail, instances),
    queue: {
      limit: raw.queue?.limit ?? 1000,
      discipline: raw.queue?.discipline ?? 'fifo',
      maxAge: raw.queue?.maxAge,
    },
    timeout: raw.timeout,
  };
  if (sc.warmup >= sc.duration) fail('warmup', 'must be shorter than duration');
  const peak = peakRate(sc.traffic);
  if ((peak * sc.duration) / 1000 > 20_000_000)
    fail(
      'traffic.rate',
      `would offer about ${Math.round((peak * sc.duration) / 1000).toLocaleString('en-US')} requests, over the limit of 20,000,000: shorten duration or lower the rate`,
    );
  return sc;
}
