import { describe, expect, it } from 'vitest';
import { computeEstimate } from '../../../src/engine/capacity/estimate.js';
import { normalizeInputs } from '../../../src/engine/capacity/inputs.js';

const est = (raw: Record<string, string | number>) => computeEstimate(normalizeInputs(raw));
const step = (e: ReturnType<typeof est>, label: string) => e.steps.find((s) => s.label === label);

// Estimates are made inside the tests, never while collecting them: a wrong number that throws must
// fail a test, not empty the file (which mutation testing would count as nothing caught).

describe('the whole derivation, as said aloud, with every number worked by hand', () => {
  const whole = () =>
    est({
      rps: 1000,
      peakFactor: 3,
      readWrite: '3:1',
      payload: '2KB',
      recordSize: '1KB',
      retention: '30d',
      replication: 3,
      serverRps: 400,
      utilization: 0.75,
      latency: '200ms',
      partitionRps: 100,
      consumerRps: 50,
      queryTime: '5ms',
      queriesPerRequest: 2,
      hotFraction: 0.2,
      availability: 99.9,
      mtbf: '999h',
      mttr: '1h',
    });

  it.each([
    ['Requests per day', '1000 req/s × 86,400 s/day', 86_400_000, 'req/day'],
    ['Average rate', '86.4M req/day ÷ 86,400 s/day', 1000, 'req/s'],
    ['Peak rate', '1000 req/s × peak factor 3', 3000, 'req/s'],
    ['Peak reads', '3000 req/s × 3/(3+1)', 2250, 'req/s'],
    ['Peak writes', '3000 req/s × 1/(3+1)', 750, 'req/s'],
    ['Ingress at peak', '750 writes/s × 2 KB', 1_500_000, 'B/s'],
    ['Egress at peak', '2250 reads/s × 2 KB', 4_500_000, 'B/s'],
    ['Writes per day', '86.4M req/day × 1/(3+1)', 21_600_000, 'writes/day'],
    ['Storage per day', '21.6M writes/day × 1 KB', 2.16e10, 'B/day'],
    ['Storage over retention', '21.6 GB/day × 30 days × 3 copies', 1.944e12, 'B'],
    ['Usable capacity per server', '400 req/s × 0.75 target utilisation', 300, 'req/s'],
    // 3000 ÷ 300 is exactly 10: ten servers, not eleven.
    ['Servers needed', 'ceil(3000 ÷ 300)', 10, 'servers'],
    ['With one spare (N+1)', '10 + 1', 11, 'servers'],
    ["In flight (Little's law)", '3000 req/s × 200 ms', 600, 'requests'],
    // The slower of 750 ÷ 100 = 7.5 per broker and 750 ÷ 50 = 15 per consumer.
    ['Kafka partitions', 'ceil(max(750 ÷ 100 per partition, 750 ÷ 50 per consumer))', 15, 'partitions'],
    ['Consumers (one per partition at most)', '15', 15, 'consumers'],
    ['Database queries at peak', '3000 req/s × 2 queries/req', 6000, 'queries/s'],
    // 6000 × 0.005 is 30.000000000000004 in floating point; still exactly 30 connections.
    ["Connection pool (Little's law)", 'ceil(6000 queries/s × 5 ms)', 30, 'connections'],
    // Reads are 3/4 of 86.4M a day = 64.8M; 20% of them × 2 KB.
    ['Cache for the hot reads', '64.8M reads/day × 0.2 hot × 2 KB', 2.592e10, 'B'],
    ['Downtime allowed per year', '(1 − 99.9%) × 365 d', 31_536, 's'],
    ['… per month', '8.76 h ÷ 12', 2628, 's'],
    ['… per week', '(1 − 99.9%) × 7 d', 604.8, 's'],
    ['… per day', '(1 − 99.9%) × 24 h', 86.4, 's'],
    ['Availability from MTBF and MTTR', '41.6 d ÷ (41.6 d + 1 h)', 0.999, 'ratio'],
  ])('%s: %s = %f %s', (label, formula, value, unit) => {
    const s = step(whole(), label);
    expect(s?.formula).toBe(formula);
    expect(s?.value).toBeCloseTo(value, 6);
    expect(s?.unit).toBe(unit);
  });

  it('in the order an interviewer would hear them', () => {
    expect(whole().steps.map((s) => s.label)).toEqual([
      'Requests per day',
      'Average rate',
      'Peak rate',
      'Peak reads',
      'Peak writes',
      'Ingress at peak',
      'Egress at peak',
      'Writes per day',
      'Storage per day',
      'Storage over retention',
      'Usable capacity per server',
      'Servers needed',
      'With one spare (N+1)',
      "In flight (Little's law)",
      'Kafka partitions',
      'Consumers (one per partition at most)',
      'Database queries at peak',
      "Connection pool (Little's law)",
      'Cache for the hot reads',
      'Downtime allowed per year',
      '… per month',
      '… per week',
      '… per day',
      'Availability from MTBF and MTTR',
    ]);
  });

  it('the JSON sections hold the same numbers', () => {
    const e = whole();
    expect(e.kafka).toEqual({ partitions: 15, consumers: 15 });
    expect(e.database).toEqual({ queriesPerSec: 6000, poolSize: 30 });
    expect(e.servers).toEqual({ needed: 10, withRedundancy: 11 });
    expect(e.availability?.target).toBeCloseTo(0.999, 12);
    expect(e.availability?.downtimeSecPerWeek).toBeCloseTo(604.8, 9);
    expect(e.reliability?.availabilityFromMtbf).toBeCloseTo(0.999, 12);
  });
});

describe('without a read:write split every request both writes and reads', () => {
  const simple = () =>
    est({ rps: 1000, payload: '1KB', recordSize: '500B', retention: '1d', hotFraction: 0.5, partitionRps: 300 });
  it.each([
    ['Ingress at peak', '2000 req/s × 1 KB', 2e6],
    ['Egress at peak', '2000 req/s × 1 KB', 2e6],
    ['Storage per day', '86.4M writes/day × 500 B', 4.32e10],
    // One copy: the singular.
    ['Storage over retention', '43.2 GB/day × 1 days × 1 copy', 4.32e10],
    // No consumer rate: partitions are set by the broker alone, ceil(2000 ÷ 300) = ceil(6.67) = 7.
    ['Kafka partitions', 'ceil(max(2000 ÷ 300 per partition))', 7],
    ['Cache for the hot reads', '86.4M reads/day × 0.5 hot × 1 KB', 4.32e10],
  ])('%s: %s = %f', (label, formula, value) => {
    expect(step(simple(), label)?.formula).toBe(formula);
    expect(step(simple(), label)?.value).toBeCloseTo(value, 6);
  });

  it('has no read or write rates and no per-day write count', () => {
    const e = simple();
    expect(e.traffic?.readRps).toBeUndefined();
    expect(e.traffic?.writeRps).toBeUndefined();
    expect(step(e, 'Writes per day')).toBeUndefined();
  });
});

describe('boundaries', () => {
  it.each([
    // Integers below a million are written out; from a million up they are abbreviated.
    [{ dau: 999_999, requestsPerUser: 1 }, '999999 users × 1 req/user/day'],
    [{ dau: 1_000_000, requestsPerUser: 1 }, '1M users × 1 req/user/day'],
    [{ dau: 1000, requestsPerUser: 2.5 }, '1000 users × 2.5 req/user/day'],
  ])('requests per day from %o reads "%s"', (raw, formula) => {
    expect(step(est(raw), 'Requests per day')?.formula).toBe(formula);
  });

  it.each([
    // No traffic needs no server: ceil(0 ÷ 70) = 0 (and no spare either).
    [0, 0],
    // peak 2 req/s against 70 usable: one.
    [1, 1],
    // peak 700 = exactly 10 × 70 (100 req/s × 0.7 is 70.00000000000001 in floating point): ten, not eleven.
    [350, 10],
    // peak 702 req/s: one more than ten.
    [351, 11],
  ])('rps %d at 100 req/s per server, 70%% used → %d servers', (rps, servers) => {
    expect(est({ rps, serverRps: 100 }).servers?.needed).toBe(servers);
  });

  it('a pool exactly at an integer is not rounded up past it: 1000 queries/s × 1 ms = 1', () => {
    expect(est({ rps: 500, queryTime: '1ms' }).database?.poolSize).toBe(1);
    expect(est({ rps: 501, queryTime: '1ms' }).database?.poolSize).toBe(2);
  });

  it('partitions exactly at an integer: 2000 writes/s ÷ 200 = 10', () => {
    expect(est({ rps: 1000, partitionRps: 200 }).kafka?.partitions).toBe(10);
    expect(est({ rps: 1000, partitionRps: 199 }).kafka?.partitions).toBe(11);
  });

  it('99.99% is shown at full precision, never rounded to 100%', () => {
    expect(step(est({ availability: 99.99 }), 'Downtime allowed per year')?.formula).toBe('(1 − 99.99%) × 365 d');
    expect(step(est({ availability: 99.999 }), '… per day')?.formula).toBe('(1 − 99.999%) × 24 h');
  });

  it('a cache needs a payload size; reliability needs both MTBF and MTTR', () => {
    expect(est({ rps: 1, hotFraction: 0.5 }).cache).toBeUndefined();
    expect(est({ mtbf: '10h' }).reliability).toBeUndefined();
    expect(est({ mttr: '10h' }).reliability).toBeUndefined();
  });

  it('without traffic, traffic-derived sections are absent even when their inputs are given', () => {
    const e = est({
      serverRps: 100,
      latency: '1s',
      partitionRps: 10,
      queryTime: '1ms',
      payload: '1KB',
      recordSize: '1KB',
    });
    expect(Object.keys(e).filter((k) => k !== 'inputs' && k !== 'steps')).toEqual([]);
    expect(e.steps).toEqual([]);
  });
});
