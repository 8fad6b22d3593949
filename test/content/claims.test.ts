import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { parallel, series } from '../../src/engine/capacity/availability.js';
import { computeEstimate, type Estimate } from '../../src/engine/capacity/estimate.js';
import { normalizeInputs, type RawInputs } from '../../src/engine/capacity/inputs.js';
import { runScenario } from '../../src/engine/sim/model.js';
import { scenario } from '../engine/sim/helpers.js';

/**
 * Every number a model answer or prompt states that can be computed, recomputed from the engine (the
 * capacity estimator, the availability formulas) or from the data printed beside it. Each row names the
 * file, a passage quoted from it, the figure as printed in that passage, and the computed value: the
 * passage must be in the file and the figure must equal the value to the precision it is printed with,
 * so an edit that changes either the text or the arithmetic fails here.
 */
const text = (file: string) => readFileSync(join(builtinQuestionsDir(), file), 'utf8');
const estimate = (raw: RawInputs): Estimate => computeEstimate(normalizeInputs(raw, (n) => n));
const nines = (percent: string) => estimate({ availability: percent }).availability!;

/** `52.6` → 52.6 ± 0.05; `18,471` → 18471 ± 0.5; `99.9999%` → 99.9999 ± 0.00005. */
function printed(figure: string): { value: number; halfUnit: number } {
  const digits = figure.replace(/[,%]/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  return { value: Number(digits), halfUnit: 0.5 * 10 ** -decimals };
}

type Claim = [file: string, passage: string, figure: string, computed: number];

function checkClaims(claims: Claim[]): void {
  it.each(claims)('%s says "%s": %s', (file, passage, figure, computed) => {
    expect(text(file).replace(/\s+/g, ' ')).toContain(passage);
    expect(passage).toContain(figure);
    const { value, halfUnit } = printed(figure);
    expect(Math.abs(value - computed)).toBeLessThanOrEqual(halfUnit + 1e-9);
  });
}

describe('claims: downtime per nines (estimator)', () => {
  checkClaims([
    [
      'reliability/q1-2-uptime-9999.md',
      '99.99% allows 52.6 minutes of downtime a year',
      '52.6',
      nines('99.99').downtimeSecPerYear / 60,
    ],
    ['reliability/q1-2-uptime-9999.md', '(4.38 minutes a month)', '4.38', nines('99.99').downtimeSecPerMonth / 60],
    [
      'reliability/q1-2-uptime-9999.md',
      '4.38 minutes a month is the whole budget',
      '4.38',
      nines('99.99').downtimeSecPerMonth / 60,
    ],
    [
      'reliability/q1-2-uptime-9999.md',
      'Four nines is 52.6 minutes of downtime a year',
      '52.6',
      nines('99.99').downtimeSecPerYear / 60,
    ],
  ]);
});

describe('claims: availability in series and in parallel (capacity/availability)', () => {
  checkClaims([
    [
      'reliability/q1-2-uptime-9999.md',
      'five components at 99.99% give about 99.95%',
      '99.95',
      series(Array(5).fill(0.9999)) * 100,
    ],
    ['reliability/q1-2-uptime-9999.md', '(0.9999⁵ ≈ 99.95%.)', '99.95', series(Array(5).fill(0.9999)) * 100],
    [
      'reliability/q1-2-uptime-9999.md',
      'seven components at 99.9% give 0.999⁷ ≈ 99.30% end to end',
      '99.30',
      series(Array(7).fill(0.999)) * 100,
    ],
    ['reliability/q1-2-uptime-9999.md', '(1 − 0.001² = 99.9999%.)', '99.9999', parallel([0.999, 0.999]) * 100],
  ]);

  it('the seven components are the ones the model answer lists', () => {
    const list = /List every component on the request path: ([^.]+)\./.exec(
      text('reliability/q1-2-uptime-9999.md').replace(/\s+/g, ' '),
    )![1];
    expect(list.split(/, | and /).map((s) => s.replace(/^and /, ''))).toHaveLength(7);
  });
});

describe("claims: Little's law and rates (estimator)", () => {
  checkClaims([
    // hey: 10 clients, 24.8 ms mean → 10 / 0.0248 s in flight ÷ latency.
    [
      'performance/output-hey-load-test.md',
      "Little's law agrees: 10 / 0.0248 s ≈ 403 req/s",
      '403',
      10 / estimate({ rps: 1, peakFactor: 1, latency: '24.8ms' }).concurrency!.inFlight,
    ],
    ['performance/output-hey-load-test.md', '1000 requests / 2.5012 s = 399.8 req/s', '399.8', 1000 / 2.5012],
    ['performance/output-hey-load-test.md', '15 failed of 1000 = 1.5%', '1.5', (15 / 1000) * 100],
    [
      'scalability/q1-1-scale-gateway.md',
      'at 1000 req/s and 200 ms, 200 requests are in the system at once',
      '200',
      estimate({ rps: 1000, peakFactor: 1, latency: '200ms' }).concurrency!.inFlight,
    ],
    [
      'scalability/q1-1-scale-gateway.md',
      '(ceil(1000 / 280) = 4, plus one spare.)',
      '4',
      estimate({ rps: 1000, peakFactor: 1, serverRps: 400, utilization: 0.7 }).servers!.needed,
    ],
    [
      'scalability/code-gateway-http-server.md',
      'calls that hang 15 s would mean 15,000 requests in flight',
      '15,000',
      estimate({ rps: 1000, peakFactor: 1, latency: '15s' }).concurrency!.inFlight,
    ],
    [
      'performance/q1-4-p95-latency.md',
      '320 queries/s × 60 ms = 19.2 connections busy on average',
      '19.2',
      estimate({ rps: 320, peakFactor: 1, queryTime: '60ms' }).database!.queriesPerSec * 0.06,
    ],
    ['performance/q1-4-p95-latency.md', 'a pool of 20 is 96% busy', '96', (320 * 0.06 * 100) / 20],
    [
      'performance/est-connection-pool.md',
      '2000 req/s × 3 queries × 5 ms = 30',
      '30',
      estimate({ rps: 1000, peakFactor: 2, queriesPerRequest: 3, queryTime: '5ms' }).database!.poolSize,
    ],
    [
      'performance/est-connection-pool.md',
      'about 50-70% busy at peak: 43 to 60 connections',
      '43',
      Math.ceil(30 / 0.7),
    ],
    ['performance/est-connection-pool.md', 'about 50-70% busy at peak: 43 to 60 connections', '60', 30 / 0.5],
    [
      'performance/concepts-throughput-metrics.md',
      '150 transactions per second are 600 statements per second',
      '600',
      150 * 4,
    ],
  ]);
});

describe('claims: retry amplification and the breaker exercise', () => {
  // (1 + retries) attempts per layer, layers multiply.
  const attempts = (retries: number, layers: number) => (1 + retries) ** layers;
  // Expected calls until the first run of k failures when each fails with probability p.
  const callsToTrip = (p: number, k: number) => (1 - p ** k) / ((1 - p) * p ** k);
  checkClaims([
    [
      'reliability/fw-retry-storm.md',
      'up to (1 + 3)² = 4 × 4 = 16 attempts per customer request',
      '16',
      attempts(3, 2),
    ],
    ['reliability/fw-retry-storm.md', 'not 3 × 3 = 9', '9', 3 * 3],
    ['reliability/fw-retry-storm.md', 'the two layers here multiply to 4 × 4 = 16', '16', attempts(3, 2)],
    [
      'reliability/code-circuit-breaker-exercise.md',
      'at 90% failures a breaker with `maxFailures` 5 opens after about 7 calls on average',
      '7',
      callsToTrip(0.9, 5),
    ],
    ['performance/concepts-latency-percentiles.md', 'has a 64% chance (1 − 0.95²⁰)', '64', (1 - 0.95 ** 20) * 100],
  ]);

  it('the simulator agrees: one layer of three retries against a failing dependency makes four attempts a request', () => {
    const sc = scenario({
      duration: 20_000,
      servers: [{ count: 1, workers: 10, queue: 100_000, weight: 1, service: { dist: 'constant', mean: 1 } }],
      dependency: { workers: 100, queue: 10_000, service: { dist: 'constant', mean: 1 } },
      policies: { retry: { attempts: 4, kind: 'constant', base: 1, max: 1, jitter: 'none' } },
      faults: [{ at: 0, kind: 'error', target: 'dependency', rate: 1, duration: 20_000 }],
    });
    const m = runScenario(sc, 1).metrics;
    const perRequest = 1 + m.retries / m.offered;
    expect(perRequest).toBeGreaterThan(3.99);
    expect(perRequest).toBeLessThanOrEqual(4);
    // Two such layers: each attempt of the outer one makes four of the inner.
    expect(Math.round(perRequest) ** 2).toBe(attempts(3, 2));
  });

  it('a broker failing every other call never reaches two consecutive failures', () => {
    // The exercise's counter: +1 on failure, 0 on success; alternate fail/succeed for 1000 calls.
    let failures = 0;
    let most = 0;
    for (let call = 0; call < 1000; call += 1) {
      failures = call % 2 === 0 ? failures + 1 : 0;
      most = Math.max(most, failures);
    }
    expect(most).toBe(1);
    expect(text('reliability/code-circuit-breaker-exercise.md')).toContain('the count never passes 1');
  });
});

describe('claims: estimation text beside the estimator', () => {
  const partitions = estimate({ dau: '5M', requestsPerUser: 1, peakFactor: 10, partitionRps: '5k', consumerRps: 35 });
  const peak = partitions.traffic!.peakRps;
  const cache = estimate({ dau: '50M', requestsPerUser: 1, payload: '4KB', hotFraction: 0.2 });
  const liveOrders = (2e6 / 86_400) * 600;
  checkClaims([
    ['reliability/est-kafka-partitions.md', '579 msg/s ÷ 5,000 needs one partition', '579', peak],
    ['reliability/est-kafka-partitions.md', '579 ÷ 35 needs 17', '17', partitions.kafka!.partitions],
    ['reliability/est-kafka-partitions.md', '(578.7 ÷ 12 ≈ 48.2 msg/s each)', '578.7', peak],
    ['reliability/est-kafka-partitions.md', '(578.7 ÷ 12 ≈ 48.2 msg/s each)', '48.2', peak / 12],
    [
      'reliability/est-kafka-partitions.md',
      'would run every consumer about 96% busy at peak',
      '96',
      (peak / 12 / 50) * 100,
    ],
    ['performance/est-menu-cache.md', '50M × 0.2 × 4 KB = 40 GB', '40', cache.cache!.bytes / 1e9],
    ['performance/est-menu-cache.md', '2M ÷ 86,400 × 600 ≈ 14k live keys', '14', liveOrders / 1000],
    ['performance/est-menu-cache.md', 'about 56 MB', '56', (Math.round(liveOrders) * 4000) / 1e6],
  ]);

  it('one partition suffices for the broker side', () => {
    expect(Math.ceil(peak / 5000)).toBe(1);
  });
});

describe('claims: percentiles from printed data', () => {
  const samples = [12, 14, 15, 15, 16, 18, 20, 25, 90, 400];
  const sorted = [...samples].sort((a, b) => a - b);
  // Statistical median (interpolated), nearest rank, and hey's report.go: lats[i] for the first i with i·100/n ≥ 50.
  const median = (sorted[4] + sorted[5]) / 2;
  const nearestRank = sorted[Math.ceil(0.5 * sorted.length) - 1];
  const hey = sorted[sorted.findIndex((_, i) => (i * 100) / sorted.length >= 50)];
  // The Prometheus output's cumulative buckets, read back from the file itself.
  const histogram = text('performance/output-latency-histogram.md');
  const buckets = [...histogram.matchAll(/le="([\d.]+)"\}\s+(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const quantile = (q: number) => {
    const total = buckets.at(-1)![1];
    const rank = q * total;
    const i = buckets.findIndex(([, count]) => count >= rank);
    const [lo, below] = i === 0 ? [0, 0] : buckets[i - 1];
    const [hi, count] = buckets[i];
    return lo + ((rank - below) / (count - below)) * (hi - lo);
  };
  const lag = text('reliability/output-consumer-lag.md');
  const rows = [...lag.matchAll(/orders\s+(\d)\s+(\d+)\s+(\d+)\s+(\d+)/g)].map((m) => m.slice(1).map(Number));

  checkClaims([
    ['performance/concepts-latency-percentiles.md', '(16 + 18) / 2 = 17 ms', '17', median],
    ['performance/concepts-latency-percentiles.md', 'nearest rank gives 16 ms', '16', nearestRank],
    ['performance/concepts-latency-percentiles.md', '`hey` reports 18 ms', '18', hey],
    [
      'performance/concepts-latency-percentiles.md',
      'The mean (62.5 ms)',
      '62.5',
      samples.reduce((a, b) => a + b, 0) / samples.length,
    ],
    ['performance/output-latency-histogram.md', '≈ 0.0241 s = 24.1 ms', '24.1', quantile(0.5) * 1000],
    ['performance/output-latency-histogram.md', '≈ 0.0944 s = 94.4 ms', '94.4', quantile(0.95) * 1000],
    ['performance/output-latency-histogram.md', 'so P99 = 0.25 s exactly: 250 ms', '250', quantile(0.99) * 1000],
    [
      'performance/output-latency-histogram.md',
      '3850 / 4000 = 96.25% of requests took at most 100 ms',
      '96.25',
      (buckets.find(([le]) => le === 0.1)![1] / buckets.at(-1)![1]) * 100,
    ],
    [
      'reliability/output-consumer-lag.md',
      '12 + 18,450 + 9 = 18,471 messages',
      '18,471',
      rows.reduce((sum, r) => sum + r[3], 0),
    ],
  ]);

  it('the printed choices hold the computed answer, and the histogram has every default bucket', () => {
    expect(buckets.map(([le]) => le)).toEqual([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
    // Each row's lag is its log-end minus current offset, and partition 1 has received about half of the others.
    for (const [, current, end, rowLag] of rows) expect(end - current).toBe(rowLag);
    expect(rows[1][2] / rows[0][2]).toBeCloseTo(0.49, 2);
    expect(lag).toContain('about half as many messages as the others');
  });
});
