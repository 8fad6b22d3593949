import { describe, expect, it } from 'vitest';
import { loadLeverScenario } from '../../../src/content/scenario-file.js';
import { compare, seedsFrom } from '../../../src/engine/sim/compare.js';
import { applyLevers } from '../../../src/engine/sim/levers.js';
import { readLevers } from '../../../src/engine/sim/read-levers.js';
import type { AvailabilityScenario, Scenario } from '../../../src/engine/sim/scenario.js';
import { validateScenario } from '../../../src/engine/sim/validate.js';

const levers = (id: string) => loadLeverScenario(id).scenario.levers ?? [];

describe('reading levers from an answer', () => {
  it.each<[string, string, Record<string, number>]>([
    ['gateway-1000rps', 'Scale out to 5 instances behind a least-connections balancer.', { instances: 5, balancer: 2 }],
    ['gateway-1000rps', 'Go from 3 instances to 6 instances; timeout 500 ms.', { instances: 6, timeout: 500 }],
    [
      'gateway-1000rps',
      'Set a 1.5 s timeout and a pool of 128 connections to the producer, 16 workers each.',
      { timeout: 1500, workers: 16 },
    ],
    ['gateway-1000rps', 'We need 40 instances.', { instances: 12 }], // past the range: its nearest end
    ['gateway-1000rps', 'Plain round robin is fine.', { balancer: 0 }],
    ['gateway-1000rps', 'Switch to weighted round robin.', { balancer: 1 }],
    ['gateway-1000rps', 'Measure first, then add capacity.', {}],
    [
      'retry-storm',
      'Retry 3 times with exponential backoff and full jitter, capped at 2 s, and a retry budget of 10%.',
      { retries: 3, backoff: 0, jitter: 1, 'backoff-cap': 2000, 'retry-budget': 10 },
    ],
    [
      'retry-storm',
      'Only 2 retries, starting at 100 ms, behind a circuit breaker.',
      { retries: 2, 'backoff-base': 100, breaker: 1 },
    ],
    [
      'retry-storm',
      'No retries at the gateway and no circuit breaker; a timeout of 300ms.',
      { retries: 0, breaker: 0, timeout: 300 },
    ],
    ['retry-storm', 'Three attempts at most, with decorrelated jitter.', { retries: 2, jitter: 3 }],
    // A count worked out from others explains; it does not set the lever.
    [
      'retry-storm',
      'Retry 3 times with full jitter. Without a budget the storm compounds: 4 × 4 = 16 attempts reach Postgres.',
      { retries: 3, jitter: 1 },
    ],
    ['retry-storm', 'Retry 2 times; at three layers one failure becomes 27 attempts.', { retries: 2 }],
    ['retry-storm', 'Each layer retries: 3 x 3 x 3 attempts is the worst case. Use 4 attempts.', { retries: 3 }],
    [
      'p95-500ms',
      'Put Redis in front: 90 % cache hits, a pool of 40 connections, and index the queries down to 20 ms.',
      { 'cache-hit': 90, pool: 40, 'query-time': 20 },
    ],
    ['p95-500ms', 'A hit ratio of 85% would do.', { 'cache-hit': 85 }],
    [
      'availability-9999',
      '4 brokers, 3 producers and two load balancers.',
      { brokers: 4, producers: 3, 'load-balancers': 2 },
    ],
    ['order-db-recovery', 'Postgres with a standby with 30 s failover.', { standby: 1, failover: 30 }],
    ['order-db-recovery', 'Two standbys; failover within 10 seconds.', { standby: 2, failover: 10 }],
    ['order-db-recovery', 'Restore within 15 minutes from WAL; no standby.', { 'restore-time': 0.25, standby: 0 }],
    ['inventory-2pc', 'Each location confirms on its own: 1 location must answer.', { 'must-answer': 1 }],
    [
      'partition-cp-ap',
      'AP for loyalty points: 1 region answers alone; partitions of 10 minutes.',
      { 'must-answer': 1 },
    ],
    [
      'postgres-saturated',
      'Add 2 read replicas... no: go to 3 databases, and 80% cache hits.',
      { replicas: 3, 'cache-hit': 80 },
    ],
  ])('%s: %s', (id, text, values) => {
    expect(readLevers(text, levers(id)).values).toEqual(values);
  });

  it('says which words set each value, with their place in the text', () => {
    const text = 'I would retry 3 times with exponential backoff and full jitter.';
    const { found } = readLevers(text, levers('retry-storm'));
    expect(found).toEqual([
      { name: 'retries', value: 3, text: 'retry 3 times', start: 8, end: 21 },
      { name: 'backoff', value: 0, text: 'exponential', start: 27, end: 38 },
      { name: 'jitter', value: 1, text: 'full jitter', start: 51, end: 62 },
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});

/** Run a written answer through its scenario: the levers it sets against the baseline, on three seeds. */
function verdictOf(id: string, answer: string) {
  const loaded = loadLeverScenario(id);
  const { values } = readLevers(answer, loaded.scenario.levers ?? []);
  const variant = validateScenario(applyLevers(loaded.doc, loaded.scenario, values)).scenario as
    Scenario | AvailabilityScenario;
  const r = compare(loaded.scenario, variant, seedsFrom(loaded.scenario.seed, 3));
  return Object.fromEntries(r.verdict.checks.map((c) => [c.name, c.pass]));
}

describe('a written answer, simulated: pass and fail are right', () => {
  it.each<[string, string, Record<string, boolean>]>([
    [
      'gateway-1000rps',
      'Scale horizontally to 5 instances behind a least-connections balancer.',
      { 'P95 under 100 ms at 1000-1100 req/s': true, 'errors under 0.1%': true },
    ],
    [
      'gateway-1000rps',
      'Tune the Go runtime and keep 3 instances.',
      { 'P95 under 100 ms at 1000-1100 req/s': false, 'errors under 0.1%': true },
    ],
    [
      'gateway-1000rps',
      'Keep 3 instances but fail fast with a timeout of 100 ms.',
      { 'P95 under 100 ms at 1000-1100 req/s': true, 'errors under 0.1%': false },
    ],
    [
      'p95-500ms',
      'Cache the menu in Redis for 90% cache hits.',
      { 'P95 under 100 ms': true, 'errors under 0.1%': true },
    ],
    ['p95-500ms', 'Double the pool to 40 connections.', { 'P95 under 100 ms': false, 'errors under 0.1%': true }],
    ['p95-500ms', 'Cut the client timeout to 200 ms.', { 'P95 under 100 ms': false, 'errors under 0.1%': false }],
    [
      'retry-storm',
      'Retry 3 times with exponential backoff and full jitter, with a retry budget of 10%.',
      { 'retries at most 10% of requests': true, 'P99 under 1 s': true },
    ],
    [
      'retry-storm',
      'Retry 5 times so that fewer requests fail.',
      { 'retries at most 10% of requests': false, 'P99 under 1 s': true },
    ],
    [
      'availability-9999',
      'Keep 3 Kafka brokers so that one can fail while two carry the load.',
      { 'availability at least 99.99%': true },
    ],
    ['availability-9999', 'Two brokers are enough for the load.', { 'availability at least 99.99%': false }],
    [
      'order-db-recovery',
      'Run Postgres with a hot standby and 30 s failover.',
      { 'at most 30 minutes down a year': true },
    ],
    [
      'order-db-recovery',
      'One Postgres is enough: no standby, restore from backup in 4 hours.',
      { 'at most 30 minutes down a year': false },
    ],
  ])('%s: %s', (id, answer, expected) => {
    expect(verdictOf(id, answer)).toEqual(expected);
  });
});

describe('words that name a thing do not count it', () => {
  const gateway = () => loadLeverScenario('gateway-1000rps').scenario.levers ?? [];
  it.each([
    'Health checks on /health so a dead instance stops getting traffic.',
    'Ship the beta instances first.',
    'Mark an unhealthy instance as down.',
  ])('%s sets no instance count', (text) => {
    expect(readLevers(text, gateway()).values.instances).toBeUndefined();
  });

  it.each([
    ['Run a single instance while testing.', 1],
    ['Add 3 more instances behind the balancer.', 3],
  ])('%s → %i instances', (text, n) => {
    expect(readLevers(text, gateway()).values.instances).toBe(n);
  });
});
