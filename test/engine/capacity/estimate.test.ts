import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEstimate } from '../../../src/engine/capacity/estimate.js';
import { normalizeInputs } from '../../../src/engine/capacity/inputs.js';
import { gradeGuess } from '../../../src/engine/capacity/grade.js';
import {
  fromMtbf,
  kOfN,
  parallel,
  series,
  availabilityForDowntime,
  downtimePerYear,
} from '../../../src/engine/capacity/availability.js';

const est = (raw: Record<string, string | number>) => computeEstimate(normalizeInputs(raw));

describe('traffic, bandwidth, storage, servers, concurrency', () => {
  // 10M users × 10 req/day = 100,000,000 req/day; ÷ 86,400 = 1,157.407 req/s; × 3 peak = 3,472.2 req/s.
  const e = est({
    dau: '10M',
    requestsPerUser: 10,
    peakFactor: 3,
    readWrite: '4:1',
    payload: '2KB',
    recordSize: '1KB',
    retention: '1y',
    replication: 3,
    serverRps: 500,
    utilization: '70%',
    latency: '200ms',
  });

  it.each([
    ['requests per day', e.traffic?.requestsPerDay, 100_000_000],
    ['average req/s', e.traffic?.avgRps, 1157.407407],
    ['peak req/s', e.traffic?.peakRps, 3472.222222],
    // reads 4/5 and writes 1/5 of peak: 2,777.8 and 694.4 req/s
    ['peak reads', e.traffic?.readRps, 2777.777778],
    ['peak writes', e.traffic?.writeRps, 694.444444],
    // ingress = writes × 2,000 B = 1,388,888.9 B/s; egress = reads × 2,000 B = 5,555,555.6 B/s
    ['ingress B/s', e.bandwidth?.ingressBytesPerSec, 1_388_888.889],
    ['egress B/s', e.bandwidth?.egressBytesPerSec, 5_555_555.556],
    // writes per day = 1e8 / 5 = 2e7; × 1,000 B = 2e10 B/day = 20 GB/day
    ['bytes per day', e.storage?.bytesPerDay, 2e10],
    // 20 GB/day × 365 days × 3 copies = 21.9 TB
    ['bytes total', e.storage?.bytesTotal, 2.19e13],
    // usable per server 500 × 0.7 = 350; ceil(3,472.2 / 350) = ceil(9.92) = 10; N+1 = 11
    ['servers needed', e.servers?.needed, 10],
    ['with redundancy', e.servers?.withRedundancy, 11],
    // Little's law: 3,472.2 req/s × 0.2 s = 694.4 in flight
    ['in flight', e.concurrency?.inFlight, 694.444444],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected as number, 2);
  });

  it('shows its work in order, with the numbers substituted', () => {
    expect(e.steps.slice(0, 3).map((s) => [s.label, s.formula])).toEqual([
      ['Requests per day', '10M users × 10 req/user/day'],
      ['Average rate', '100M req/day ÷ 86,400 s/day'],
      ['Peak rate', '1157 req/s × peak factor 3'],
    ]);
    expect(e.steps.find((s) => s.label === 'Servers needed')?.formula).toBe('ceil(3472 ÷ 350)');
  });

  it('omits sections whose inputs are missing', () => {
    const only = est({ dau: '1M', requestsPerUser: 5 });
    expect(Object.keys(only).filter((k) => k !== 'inputs' && k !== 'steps')).toEqual(['traffic']);
    expect(only.traffic?.readRps).toBeUndefined();
    expect(est({ availability: 99.9 }).traffic).toBeUndefined();
  });

  it('--rps stands in for dau × requests: 1000 req/s is 86.4M req/day', () => {
    expect(est({ rps: 1000 }).traffic?.requestsPerDay).toBe(86_400_000);
  });
});

describe('availability', () => {
  it.each([
    // 99.99%: 0.0001 × 31,536,000 s = 3,153.6 s = 52.56 min/year; /12 = 262.8 s = 4.38 min/month;
    // per week 0.0001 × 604,800 = 60.48 s; per day 8.64 s
    [99.99, 3153.6, 262.8, 60.48, 8.64],
    // 99.9%: 31,536 s = 8.76 h/year; 2,628 s = 43.8 min/month; 604.8 s/week; 86.4 s/day
    [99.9, 31_536, 2628, 604.8, 86.4],
    [100, 0, 0, 0, 0],
  ])('%f%% allows %f s a year, %f a month, %f a week, %f a day', (pct, year, month, week, day) => {
    const a = est({ availability: pct }).availability!;
    expect(a.downtimeSecPerYear).toBeCloseTo(year, 6);
    expect(a.downtimeSecPerMonth).toBeCloseTo(month, 6);
    expect(a.downtimeSecPerWeek).toBeCloseTo(week, 6);
    expect(a.downtimeSecPerDay).toBeCloseTo(day, 6);
  });

  it('and the other way round', () => {
    expect(availabilityForDowntime(downtimePerYear(0.9995))).toBeCloseTo(0.9995, 12);
    expect(availabilityForDowntime(3153.6)).toBeCloseTo(0.9999, 12);
  });

  it.each([
    // five components at 99.99% in series: 0.9999^5 = 0.99950010
    ['series', series([0.9999, 0.9999, 0.9999, 0.9999, 0.9999]), 0.9995001],
    // two at 99.9% in parallel: 1 − 0.001² = 0.999999
    ['parallel', parallel([0.999, 0.999]), 0.999999],
    // 2 of 3 at 0.99: 3 × 0.99² × 0.01 + 0.99³ = 0.029403 + 0.970299 = 0.999702
    ['2 of 3', kOfN(2, 3, 0.99), 0.999702],
    ['1 of 2 equals parallel', kOfN(1, 2, 0.9), 0.99],
    ['n of n equals series', kOfN(3, 3, 0.9), 0.729],
    // MTBF 1000 h, MTTR 2 h: 1000 / 1002 = 0.998004
    ['MTBF/MTTR', fromMtbf(1000, 2), 0.998004],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 6);
  });
});

describe('Kafka partitions, connection pool, cache', () => {
  // 2M orders/day ÷ 86,400 × 3 = 69.44 req/s peak
  const e = est({
    dau: '2M',
    requestsPerUser: 1,
    peakFactor: 3,
    partitionRps: 10,
    consumerRps: 20,
    queryTime: '5ms',
    queriesPerRequest: 4,
    hotFraction: 0.2,
    payload: '2KB',
  });
  it('partitions cover the slower of broker and consumer: ceil(max(69.4/10, 69.4/20)) = 7', () => {
    expect(e.kafka).toEqual({ partitions: 7, consumers: 7 });
  });
  it("pool by Little's law: 69.44 × 4 = 277.8 queries/s × 5 ms = 1.39 → 2", () => {
    expect(e.database?.queriesPerSec).toBeCloseTo(277.777, 2);
    expect(e.database?.poolSize).toBe(2);
  });
  it('cache for 20% of 2M daily reads × 2 KB = 800 MB', () => {
    expect(e.cache?.bytes).toBeCloseTo(8e8, 0);
  });
});

describe('grading a guess', () => {
  const e = est({ dau: '10M', requestsPerUser: 10, peakFactor: 2, serverRps: 400 });
  it.each([
    // actual peak = 2,314.8 req/s
    ['peakRps', '2k', 'within 2×', undefined],
    // 1157 is the average rate: 2.0007× below the peak, just outside 2×.
    ['peakRps', '1157', 'within 10×', 'too low by the peak factor (2): average vs peak'],
    ['peakRps', '20k', 'within 10×', undefined],
    ['peakRps', '200M', 'off by more than 10×', 'too high by a factor of 86,400: per day vs per second'],
    ['requestsPerDay', '100M', 'within 2×', undefined],
  ])('%s = %s is %s', (key, guess, verdict, slip) => {
    const g = gradeGuess(e, key, guess);
    expect(g.verdict).toBe(verdict);
    expect(g.slip).toBe(slip);
    expect(g.step).toBeTruthy();
  });

  it('reports the ratio of guess to actual', () => {
    expect(gradeGuess(e, 'peakRps', '4629.6').ratio).toBeCloseTo(2, 3);
  });

  it.each([
    ['nope', '1', /unknown key "nope"/],
    ['bytesTotal', '1TB', /not computed from these inputs/],
    ['peakRps', 'lots', /--guess peakRps: "lots" is not a number/],
  ])('rejects %s=%s', (key, guess, message) => {
    expect(() => gradeGuess(e, key, guess)).toThrow(message);
  });
});

describe('monotonic (property tests)', () => {
  it('more users never needs fewer servers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e8 }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 1, max: 5000 }),
        (dau, more, serverRps) => {
          const a = est({ dau, requestsPerUser: 10, serverRps });
          const b = est({ dau: dau + more, requestsPerUser: 10, serverRps });
          return b.servers!.needed >= a.servers!.needed;
        },
      ),
    );
  });

  it('a higher availability target never allows more downtime', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (x, y) => {
          const [lo, hi] = x < y ? [x, y] : [y, x];
          // Written with % so that a value at or below 1 is a percentage too, not a fraction.
          return (
            est({ availability: `${hi}%` }).availability!.downtimeSecPerYear <=
            est({ availability: `${lo}%` }).availability!.downtimeSecPerYear
          );
        },
      ),
    );
  });
});

describe('reading a guess by what is estimated', () => {
  const e = est({ availability: 99.99, dau: '2M', requestsPerUser: 1 });
  it('52m is 52 minutes for a downtime and 52 million for a count', () => {
    expect(gradeGuess(e, 'downtimeSecPerYear', '52m').guess).toBe(3120);
    expect(gradeGuess(e, 'requestsPerDay', '2m').guess).toBe(2e6);
  });
});
