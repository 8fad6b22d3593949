import { describe, expect, it } from 'vitest';
import { loadLeverScenario } from '../../../src/content/scenario-file.js';
import { readLevers } from '../../../src/engine/sim/read-levers.js';

const levers = (id: string) => loadLeverScenario(id).scenario.levers ?? [];

/** What an answer to the drills on the dynamics scenarios sets, lever by lever (values in the lever's unit). */
describe('reading the dynamics levers from an answer', () => {
  it.each<[string, string, Record<string, number>]>([
    [
      'kafka-consumer-lag',
      'Add partitions: 6 partitions and 6 consumer workers, and process each message in 4 ms.',
      { partitions: 6, consumers: 6, processing: 4 },
    ],
    ['kafka-consumer-lag', 'Switch the producer to least-bytes.', { partitioner: 1 }],
    [
      'kafka-rebalance',
      'Run 5 consumers (N+1) and a session timeout of 10 s so a dead worker is noticed sooner.',
      { consumers: 5, 'session-timeout': 10 },
    ],
    [
      'closed-loop-stall',
      'Test with 40 users, a think time of 100 ms, and keep GC pauses under 500 ms.',
      {
        users: 40,
        think: 100,
        stall: 0.5,
      },
    ],
    [
      'gateway-rush',
      'A token bucket of 1,500 requests per second, a queue of 200, shed anything older than 100 ms, and LIFO.',
      { 'rate-limit': 1500, 'queue-limit': 200, 'max-age': 100, discipline: 1 },
    ],
    [
      'gateway-rush',
      'No rate limit; scale to 3 instances with a 2 s timeout.',
      { 'rate-limit': 0, instances: 3, timeout: 2000 },
    ],
    [
      'gateway-rush-limited',
      'Keep the rate limit at 1500 req/s with a burst of 600.',
      { 'rate-limit': 1500, burst: 600 },
    ],
    [
      'gateway-autoscale',
      'Pre-scale to a minimum of 10 instances, target 50% utilisation, instances that boot in 20 s, a cooldown of 10 m.',
      // "10 instances" also starts the gateway at 10, which a minimum of 10 needs (instances ≥ min).
      { 'min-instances': 10, instances: 10, target: 50, startup: 20, cooldown: 10 },
    ],
    ['gateway-zone-loss', 'N+1 per zone: 9 instances over 3 zones.', { instances: 9, zones: 3 }],
    [
      'menu-cache-stampede',
      'Use single flight, stale-while-revalidate for 10 s, a TTL of 5 m with jitter of 10%, and a pool of 20 connections.',
      { 'single-flight': 1, 'stale-while-revalidate': 10, ttl: 300, 'ttl-jitter': 10, 'db-connections': 20 },
    ],
    [
      'menu-cache-stampede',
      'Serve stale while one request refreshes; pre-warm the cache after a deploy.',
      {
        'stale-while-revalidate': 10,
        start: 1,
      },
    ],
    ['menu-cache-coalesced', 'Without single flight every miss queries Postgres.', { 'single-flight': 0 }],
    [
      'hedged-reads',
      'Hedge after 40 ms to a second replica, 4 replicas, and cancel the other copy.',
      {
        'hedge-after': 40,
        replicas: 4,
        cancel: 1,
      },
    ],
    [
      'retry-storm-metastable',
      'Retry 2 times with full jitter and a retry budget of 10%, behind a circuit breaker.',
      { retries: 2, jitter: 1, 'retry-budget': 10, breaker: 1 },
    ],
  ])('%s: %s', (id, text, values) => {
    expect(readLevers(text, levers(id)).values).toEqual(values);
  });

  it('reads grouped thousands as one number', () => {
    expect(readLevers('1,000 instances', levers('gateway-rush')).values).toEqual({ instances: 10 });
  });
});
