import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../../src/content/paths.js';
import { scoreAttempt, scoreStep } from '../../../src/engine/drill/scoring/score.js';

const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
const question = (id: string) => {
  const q = bank.questions.find((x) => x.id === id);
  if (!q) throw new Error(`missing ${id}`);
  return q;
};

/**
 * Written answers to the seed's four practice questions, per framework step, with the overall score
 * range a fair human grader would give against the rubric. Ranges were set from the answers'
 * content, before running the scorer.
 */
const corpus: Array<[string, string, string[], [number, number]]> = [
  // ---- 1.1 scale the gateway ----
  ['1.1 strong', 'q1-1-scale-gateway', [
    'Measure first: load test with hey, profile with pprof, look at CPU utilization in docker stats, memory and GC pauses, pg_stat_activity for database connections, and network latency to the producer. Watch P99 per hop.',
    'The gateway is stateless so scale out horizontally with more instances; vertical scaling hits a ceiling and stays a single point of failure. If the database is the bottleneck, fix the connection pool instead.',
    'Put a load balancer (Envoy) in front, least connections or round robin, health checks on /health, keep-alive connections.',
    'Prometheus histogram for P95/P99, error rate, requests per second, saturation (CPU, consumer lag), alerting on the SLO and autoscaling.',
  ], [85, 100]],
  ['1.1 partial', 'q1-1-scale-gateway', ['Check the CPU.', 'Add more instances.', 'Use round robin.', 'Add some dashboards.'], [20, 55]],
  ['1.1 scale-up only', 'q1-1-scale-gateway', ['', 'Buy a bigger machine with more RAM.', '', ''], [0, 15]],
  ['1.1 off-topic', 'q1-1-scale-gateway', ['I like coffee.', 'Espresso is strong.', 'Milk foam is nice.', 'The barista is friendly.'], [0, 5]],
  ['1.1 empty', 'q1-1-scale-gateway', ['', '', '', ''], [0, 0]],
  ['1.1 negated', 'q1-1-scale-gateway', ['No need to measure anything.', "Don't scale out, no more instances.", 'Without a load balancer.', 'No alerting.'], [0, 10]],
  ['1.1 keyword list', 'q1-1-scale-gateway', ['cpu memory database network p99 profile', 'horizontal scaling stateless', 'load balancer round robin health checks', 'p95 error rate alerting throughput'], [60, 100]],
  ['1.1 typos', 'q1-1-scale-gateway', ['profiel it, check the databse and netwrok', 'horizontel scaling, its statelss', 'a load balancr with helth checks', 'alertting on erors'], [25, 75]],
  // Negations stopped by punctuation: hand-scored per step from the rubric weights, 86 + 86 + 100 + 88 → 90.
  ['1.1 prose with clause punctuation', 'q1-1-scale-gateway', [
    'Not by guessing: measure first with pprof, then CPU, memory, database and network.',
    'No session affinity, stateless gateway, scale out with more instances; a bigger machine hits a ceiling.',
    'Envoy in front, least connections, health checks, keep-alive.',
    'Without an SLO nobody knows when to act, so alert on P99, errors and requests per second.',
  ], [85, 95]],
  // ---- 1.2 99.99% uptime ----
  ['1.2 strong', 'q1-2-uptime-9999', [
    'Find every single point of failure: availability multiplies in series, so the one Postgres primary and one zone are risks; Kafka needs replication factor 3.',
    'Active-active gateways with N+1 across availability zones; Postgres active-passive with a hot standby.',
    'Health checks on /health, an SLO with an error budget, alerting on error rate and P99.',
    'Automated failover with Patroni, defined RTO and RPO, a runbook, and regular failover drills (game days).',
    'Circuit breakers, timeouts and retries with backoff, Kafka as a buffer so orders queue, and a fallback to a cached menu.',
  ], [85, 100]],
  ['1.2 partial', 'q1-2-uptime-9999', ['Avoid a single point of failure.', 'Run two of everything.', 'Monitor it.', 'Fail over.', 'Retry things.'], [10, 45]],
  ['1.2 redundancy only', 'q1-2-uptime-9999', ['', 'Active-active with N+1 in multiple availability zones, database active-passive.', '', '', ''], [15, 30]],
  ['1.2 off-topic', 'q1-2-uptime-9999', ['Use a nice font.', 'Make the logo bigger.', 'Hire more baristas.', 'Open earlier.', 'Sell muffins.'], [0, 5]],
  ['1.2 empty', 'q1-2-uptime-9999', ['', '', '', '', ''], [0, 0]],
  ['1.2 manual failover', 'q1-2-uptime-9999', ['', '', '', 'Manual failover by the on-call engineer, no automatic failover.', ''], [0, 5]],
  ['1.2 keyword list', 'q1-2-uptime-9999', ['spof series', 'active-active active-passive n+1 zones', 'health checks slo alerting', 'automated failover rto rpo', 'circuit breaker timeouts queue fallback'], [60, 100]],
  // ---- 1.3 inventory consistency ----
  ['1.3 strong', 'q1-3-inventory-consistency', [
    'Two-phase commit with a coordinator: exact stock, but participants block holding locks if the coordinator fails, every order pays extra round trips, and during a partition orders are refused, lower availability.',
    'Event sourcing: locations publish stock events to Kafka and converge by replay; an oversell is fixed by a compensating action (refund) in a saga; consumers are idempotent.',
    'Hybrid: strong consistency (serializable transaction) for payments, eventual for menus and loyalty points, with a per-location stock quota; weigh the cost of being wrong.',
  ], [85, 100]],
  ['1.3 partial', 'q1-3-inventory-consistency', ['Use 2PC.', 'Use events and fix things later with a refund.', 'Payments strong, the rest eventual.'], [25, 65]],
  ['1.3 only strong', 'q1-3-inventory-consistency', ['A distributed transaction with two-phase commit everywhere.', '', ''], [5, 30]],
  ['1.3 off-topic', 'q1-3-inventory-consistency', ['Buy more beans.', 'Count the cups every night.', 'Ask the manager.'], [0, 10]],
  ['1.3 empty', 'q1-3-inventory-consistency', ['', '', ''], [0, 0]],
  ['1.3 keyword list', 'q1-3-inventory-consistency', ['2pc blocking partition latency', 'event sourcing compensation converge idempotent oversell', 'payments eventual reserve locally tradeoff'], [70, 100]],
  // ---- 1.4 P95 latency ----
  ['1.4 strong', 'q1-4-p95-latency', [
    'Trace slow requests with OpenTelemetry spans and profile with pprof; look at the P95 histogram per endpoint.',
    'Use EXPLAIN ANALYZE and pg_stat_statements, add an index for sequential scans, remove N+1 queries.',
    'Cache the menu in Redis with a TTL and invalidation on change, a CDN for static assets, watch the hit ratio.',
    'If JSON shows in profiles, use a faster JSON library, smaller payloads, protobuf between services.',
    'Size the connection pool with Little\'s law, PgBouncer, keep-alive connections.',
    'Scale out horizontally when utilization drives queueing; it does not help if the database is the bottleneck.',
  ], [85, 100]],
  ['1.4 partial', 'q1-4-p95-latency', ['Profile it.', 'Add an index.', 'Add a cache.', '', 'Use a pool.', 'Add more servers.'], [25, 60]],
  ['1.4 caching only', 'q1-4-p95-latency', ['', '', 'Put Redis in front as a cache with a TTL.', '', '', ''], [5, 20]],
  ['1.4 off-topic', 'q1-4-p95-latency', ['Make the coffee hotter.', 'Use bigger cups.', 'Add sugar.', 'Play music.', 'Paint the walls.', 'Open a second shop.'], [0, 5]],
  ['1.4 empty', 'q1-4-p95-latency', ['', '', '', '', '', ''], [0, 0]],
  ['1.4 negated', 'q1-4-p95-latency', ['No profiling needed.', 'Indexes are not needed.', 'No caching.', '', 'Without a connection pool.', "Don't scale out."], [0, 10]],
  ['1.4 contracted negations', 'q1-4-p95-latency', ["We didn't profile.", "We shouldn't add indexes.", "It isn't cached.", '', "We won't pool connections.", "We didn't scale out."], [0, 5]],
];

describe('scoring corpus against the real rubrics', () => {
  it('has at least 25 answers over the four seed questions', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.map(([, id]) => id)).size).toBe(4);
  });

  it.each(corpus)('%s scores within its range', (_name, id, answers, [low, high]) => {
    const q = question(id);
    expect(answers).toHaveLength(q.steps.length);
    const scores = q.steps.map((step, k) => scoreStep(step, answers[k]));
    const overall = scoreAttempt(q, scores);
    expect(overall, `per step: ${scores.map((s) => s?.score).join(', ')}`).toBeGreaterThanOrEqual(low);
    expect(overall, `per step: ${scores.map((s) => s?.score).join(', ')}`).toBeLessThanOrEqual(high);
  });
});
