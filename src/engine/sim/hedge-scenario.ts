import * as z from 'zod/mini';
import { arrivals, peakRate, toArrivals, type ArrivalSpec } from './arrivals.js';
import type { DistSpec } from './dist.js';
import { common, described, dist, int, obj, time, toDist, type Fail } from './fields.js';
import type { WithLevers } from './levers.js';

/** Hedged requests to a replicated service (`kind: hedge`); times in ms. */
export interface HedgeScenario extends WithLevers {
  kind: 'hedge';
  name: string;
  description: string;
  seed: number;
  duration: number;
  /** Excluded from the statistics. @default 0 */
  warmup: number;
  traffic: ArrivalSpec;
  /** Replicas of the service; a request goes to one at random, its hedge to another. */
  replicas: number;
  /** Each replica: `workers` behind one unbounded FIFO queue. */
  server: { workers: number; service: DistSpec };
  hedge: {
    /** Send a second copy when the first has not answered after this long (often the P95). */
    after: number;
    /** When one copy answers, drop the other if it has not started yet (Dean and Barroso's tied requests). @default true */
    cancel: boolean;
  };
}

/** The `kind: hedge` document. */
export const hedgeFields = z.lazy(() =>
  obj({
    ...common('hedge', 'The same arrivals run plainly and with hedged requests.'),
    duration: time('Simulated time.', true),
    warmup: z.optional(time('Excluded from the statistics.')),
    traffic: arrivals('Requests offered.'),
    replicas: int('Replicas.', 2, 1000),
    server: obj({ workers: z._default(int('Workers per replica.', 1, 100_000), 1), service: dist() }),
    hedge: obj({
      after: time('Send a second copy after this.', true),
      cancel: z._default(described(z.boolean(), 'Drop the losing copy if not started.'), true),
    }),
  }),
);

/** Normalise a `kind: hedge` document read by {@link hedgeFields}. */
export function toHedge(raw: z.output<typeof hedgeFields>, fail: Fail): HedgeScenario {
  const sc: HedgeScenario = {
    kind: 'hedge',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    duration: raw.duration,
    warmup: raw.warmup ?? 0,
    traffic: toArrivals(raw.traffic, 'traffic', fail),
    replicas: raw.replicas,
    server: { workers: raw.server.workers, service: toDist(raw.server.service, 'server.service', fail) },
    hedge: raw.hedge,
  };
  if (sc.warmup >= sc.duration) fail('warmup', 'must be shorter than duration');
  if ((peakRate(sc.traffic) * sc.duration) / 1000 > 2_000_000)
    fail(
      'traffic.rate',
      'would offer over 2,000,000 requests (each run twice, with and without hedging): shorten duration or lower the rate',
    );
  return sc;
}
