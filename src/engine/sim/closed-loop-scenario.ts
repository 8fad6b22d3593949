import * as z from 'zod/mini';
import type { DistSpec } from './dist.js';
import { common, dist, int, obj, time, toDist, type Fail } from './fields.js';
import type { WithLevers } from './levers.js';

/** Closed-loop users beside open-loop arrivals at the same rate (`kind: closed-loop`); times in ms. */
export interface ClosedLoopScenario extends WithLevers {
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
}

/** The `kind: closed-loop` document. */
export const closedLoopFields = z.lazy(() =>
  obj({
    ...common('closed-loop', 'N users who wait for answers, beside open-loop arrivals at the same rate.'),
    duration: time('Simulated time.', true),
    warmup: z.optional(time('Excluded from the statistics.')),
    users: int('Users in the closed loop.', 1, 100_000),
    think: z.optional(dist('Think time Z between an answer and the next request. Absent: none (like hey -c N).')),
    server: obj({ workers: z._default(int('Workers.', 1, 100_000), 1), service: dist() }),
    stalls: z.optional(
      z.array(
        obj(
          { at: time('When.'), duration: time('How long the server makes no progress.', true) },
          '',
          'must be a mapping with at and duration',
        ),
      ),
    ),
  }),
);

/** Normalise a `kind: closed-loop` document read by {@link closedLoopFields}. */
export function toClosedLoop(raw: z.output<typeof closedLoopFields>, fail: Fail): ClosedLoopScenario {
  const sc: ClosedLoopScenario = {
    kind: 'closed-loop',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    duration: raw.duration,
    warmup: raw.warmup ?? 0,
    users: raw.users,
    think: raw.think === undefined ? { dist: 'constant', mean: 0 } : toDist(raw.think, 'think', fail),
    server: { workers: raw.server.workers, service: toDist(raw.server.service, 'server.service', fail) },
    stalls: [...(raw.stalls ?? [])].sort((a, b) => a.at - b.at),
  };
  if (sc.warmup >= sc.duration) fail('warmup', 'must be shorter than duration');
  // Each user sends at most one request per (think + service) time; the open-loop run matches that rate.
  const perSecond = (sc.users * 1000) / (sc.think.mean + sc.server.service.mean);
  if ((perSecond * sc.duration) / 1000 > 20_000_000)
    fail(
      'users',
      `would send about ${Math.round((perSecond * sc.duration) / 1000).toLocaleString('en-US')} requests, over the limit of 20,000,000: fewer users or a shorter duration`,
    );
  return sc;
}
