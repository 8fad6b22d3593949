import { peakRate, readArrivals, type ArrivalSpec } from './arrivals.js';
import type { DistSpec } from './dist.js';
import type { FieldReader, Obj } from './field-reader.js';
import type { Lever, Slo } from './levers.js';

/** Hedged requests to a replicated service (`kind: hedge`); times in ms. */
export interface HedgeScenario {
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
  /** The knobs a user may turn (`simulate --levers`). @default [] */
  levers?: Lever[];
  /** The objectives a run is judged against. @default [] */
  slos?: Slo[];
}

/** Validate and normalise a `kind: hedge` document. */
export function readHedge(raw: Obj, r: FieldReader): HedgeScenario {
  r.known(raw, '', [
    'kind',
    'name',
    'description',
    'seed',
    'duration',
    'warmup',
    'traffic',
    'replicas',
    'server',
    'hedge',
  ]);
  const traffic = r.obj(raw, 'traffic', 'traffic', true);
  r.known(traffic, 'traffic', ['rate', 'arrival', 'steps', 'bursts', 'diurnal']);
  const server = r.obj(raw, 'server', 'server', true);
  r.known(server, 'server', ['workers', 'service']);
  const hedge = r.obj(raw, 'hedge', 'hedge', true);
  r.known(hedge, 'hedge', ['after', 'cancel']);
  const sc: HedgeScenario = {
    kind: 'hedge',
    name: r.str(raw, 'name', 'name', true) ?? 'hedge',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed: r.num(raw, 'seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 1,
    duration: r.time(raw, 'duration', 'duration', true, true) ?? 1,
    warmup: r.time(raw, 'warmup', 'warmup', false) ?? 0,
    traffic: readArrivals(traffic, 'traffic', r),
    replicas: r.num(raw, 'replicas', 'replicas', { min: 2, max: 1000, integer: true, required: true }) ?? 2,
    server: {
      workers: r.num(server, 'workers', 'server.workers', { min: 1, max: 100_000, integer: true }) ?? 1,
      service: r.dist(server, 'service', 'server.service'),
    },
    hedge: {
      after: r.time(hedge, 'after', 'hedge.after', true, true) ?? 1,
      cancel: r.bool(hedge, 'cancel', 'hedge.cancel') ?? true,
    },
  };
  if (sc.warmup >= sc.duration) r.fail('warmup', 'must be shorter than duration');
  if ((peakRate(sc.traffic) * sc.duration) / 1000 > 2_000_000)
    r.fail(
      'traffic.rate',
      'would offer over 2,000,000 requests (each run twice, with and without hedging): shorten duration or lower the rate',
    );
  return sc;
}
