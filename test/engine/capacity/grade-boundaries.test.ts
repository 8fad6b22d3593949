import { describe, expect, it } from 'vitest';
import { computeEstimate } from '../../../src/engine/capacity/estimate.js';
import { normalizeInputs } from '../../../src/engine/capacity/inputs.js';
import {
  findGradeable,
  formatStepValue,
  formatValue,
  GRADEABLE,
  gradeGuess,
  preferredUnit,
} from '../../../src/engine/capacity/grade.js';

const est = (raw: Record<string, string | number>) => computeEstimate(normalizeInputs(raw));

// Estimates are made inside the tests, never while collecting them: a wrong number that throws must
// fail a test, not empty the file (which mutation testing would count as nothing caught).
// 1000 req/s on average: 86.4M req/day, and with the default peak factor 2, 2000 req/s at peak.
const e = () => est({ rps: 1000 });

describe('verdict boundaries: the ratio guess ÷ actual against 2× and 10×, both ways', () => {
  it.each([
    ['1000', 1, 'within 2×'],
    ['2000', 2, 'within 2×'],
    ['2001', 2.001, 'within 10×'],
    ['500', 0.5, 'within 2×'],
    ['499', 0.499, 'within 10×'],
    ['10000', 10, 'within 10×'],
    ['10001', 10.001, 'off by more than 10×'],
    ['100', 0.1, 'within 10×'],
    ['99', 0.099, 'off by more than 10×'],
    ['0', 0, 'off by more than 10×'],
  ])('avgRps guess %s: ratio %f, %s', (guess, ratio, verdict) => {
    const g = gradeGuess(e(), 'avgRps', guess);
    expect(g.actual).toBe(1000);
    expect(g.ratio).toBe(ratio);
    expect(g.verdict).toBe(verdict);
  });

  // 100% availability allows no downtime: a guess of nothing is exact, anything else is infinitely off.
  const perfect = () => est({ availability: 100 });
  it.each([
    ['0', 1, 'within 2×'],
    ['1s', Infinity, 'off by more than 10×'],
  ])('zero actual, guess %s: ratio %f, %s', (guess, ratio, verdict) => {
    const g = gradeGuess(perfect(), 'downtimeSecPerYear', guess);
    expect(g.actual).toBe(0);
    expect(g.ratio).toBe(ratio);
    expect(g.verdict).toBe(verdict);
    expect(g.slip).toBeUndefined();
  });
});

describe('slips: a ratio within 5% of a classic factor names it', () => {
  it.each([
    ['86.4M', 'too high by a factor of 86,400: per day vs per second'],
    ['3.6M', 'too high by a factor of 3,600: per hour vs per second'],
    ['2000', 'too high by the peak factor (2): average vs peak'],
    ['500', 'too low by the peak factor (2): average vs peak'],
    ['8000', 'too high by a factor of 8: bits vs bytes'],
    ['125', 'too low by a factor of 8: bits vs bytes'],
    ['1M', 'too high by a factor of 1,000: a unit prefix (k, M, ms)'],
    ['1', 'too low by a factor of 1,000: a unit prefix (k, M, ms)'],
    ['365k', 'too high by a factor of 365: per year vs per day'],
    // 5% either side of 2×: 2099 is 4.95% over, 2100 exactly 5% over; 1901 is 4.95% under 2×.
    ['2099', 'too high by the peak factor (2): average vs peak'],
    ['2100', undefined],
    ['1901', 'too high by the peak factor (2): average vs peak'],
    ['1899', undefined],
    // Within 2× but far from any factor, and close to the truth: nothing to name.
    ['1290', undefined],
    ['3000', undefined],
    ['1000', undefined],
    // Binary vs decimal: 1.024× is named within 0.48% of it (a fifth of its distance from 1): 1019.2 to 1028.8.
    ['1024', 'too high by 1024 vs 1000: binary vs decimal units'],
    ['1028', 'too high by 1024 vs 1000: binary vs decimal units'],
    ['1030', undefined],
    ['1019', undefined],
    ['1020', 'too high by 1024 vs 1000: binary vs decimal units'],
    ['976.5625', 'too low by 1024 vs 1000: binary vs decimal units'],
  ])('avgRps guess %s → %s', (guess, slip) => {
    expect(gradeGuess(e(), 'avgRps', guess).slip).toBe(slip);
  });

  it('the replication factor, for stored bytes', () => {
    // 1 KB a request, every request a write: 86.4 GB/day; over 10 days with 3 copies, 2.592 TB.
    const stored = est({ rps: 1000, recordSize: '1KB', retention: '10d', replication: 3 });
    expect(stored.storage?.bytesTotal).toBe(2.592e12);
    expect(gradeGuess(stored, 'bytesTotal', '864GB').slip).toBe('too low by the replication factor (3)');
    expect(gradeGuess(stored, 'bytesTotal', '864GB').verdict).toBe('within 10×');
  });

  it('a peak factor of 3 is named before a replication factor of 3', () => {
    const both = est({ rps: 1000, peakFactor: 3, replication: 3, recordSize: '1KB', retention: '1d' });
    expect(gradeGuess(both, 'peakRps', '1000').slip).toBe('too low by the peak factor (3): average vs peak');
  });
});

describe('every gradeable result is the value of the step it names', () => {
  const full = () =>
    est({
      dau: '1M',
      requestsPerUser: 86.4,
      peakFactor: 3,
      readWrite: '3:1',
      payload: '2KB',
      recordSize: '1KB',
      retention: '30d',
      replication: 3,
      serverRps: 400,
      utilization: 0.75,
      latency: '200ms',
      availability: 99.9,
      partitionRps: 100,
      consumerRps: 50,
      queryTime: '5ms',
      queriesPerRequest: 2,
      hotFraction: 0.2,
    });
  // Independent arithmetic: 1M × 86.4 = 86.4M req/day = 1000 req/s on average, 3000 at peak.
  const expected: Record<string, number> = {
    requestsPerDay: 86_400_000,
    avgRps: 1000,
    peakRps: 3000,
    readRps: 2250,
    writeRps: 750,
    ingressBytesPerSec: 1_500_000,
    egressBytesPerSec: 4_500_000,
    bytesPerDay: 21_600_000 * 1000,
    bytesTotal: 2.16e10 * 30 * 3,
    serversNeeded: 10,
    serversWithRedundancy: 11,
    inFlight: 600,
    downtimeSecPerYear: 31_536,
    downtimeSecPerMonth: 2628,
    downtimeSecPerDay: 86.4,
    kafkaPartitions: 15,
    dbPoolSize: 30,
    cacheBytes: 64_800_000 * 0.2 * 2000,
  };

  it('covers every key', () => expect(GRADEABLE.map((g) => g.key).sort()).toEqual(Object.keys(expected).sort()));

  it.each(GRADEABLE.map((g) => [g.key, g] as const))('%s', (key, g) => {
    const estimate = full();
    const value = g.get(estimate);
    expect(value).toBeCloseTo(expected[key], 6);
    expect(estimate.steps.filter((s) => s.label === g.step).map((s) => s.value)).toEqual([value]);
    expect(findGradeable(key)).toBe(g);
  });

  it('an unknown key is no gradeable', () => expect(findGradeable('peakrps')).toBeUndefined());

  it('each label reads after "Estimate the", and no two are alike', () => {
    const labels = GRADEABLE.map((g) => g.label);
    expect(new Set(labels).size).toBe(GRADEABLE.length);
    for (const label of labels) expect(label).toMatch(/^[a-zA-Z][a-z ,]+[a-z]$/);
  });

  it.each(GRADEABLE.map((g) => [g.key, g] as const))(
    '%s is absent, not an error, when its section is missing',
    (key, g) => {
      // Availability alone: no traffic, bandwidth, storage, servers, queues or cache.
      const value = g.get(est({ availability: 99.9 }));
      expect(value === undefined).toBe(!key.startsWith('downtime'));
    },
  );

  it.each([
    ['requestsPerDay', '86.4M'],
    ['avgRps', '1k req/s'],
    ['peakRps', '3k req/s'],
    ['readRps', '2.25k req/s'],
    ['writeRps', '750 req/s'],
    ['ingressBytesPerSec', '1.5 MB/s'],
    ['egressBytesPerSec', '4.5 MB/s'],
    ['bytesPerDay', '21.6 GB'],
    ['bytesTotal', '1.94 TB'],
    ['serversNeeded', '10'],
    ['serversWithRedundancy', '11'],
    ['inFlight', '600'],
    ['downtimeSecPerYear', '8.76 h'],
    ['downtimeSecPerMonth', '43.8 min'],
    ['downtimeSecPerDay', '1.44 min'],
    ['kafkaPartitions', '15'],
    ['dbPoolSize', '30'],
    ['cacheBytes', '25.9 GB'],
  ])('%s reads as %s in its own unit', (key, text) => {
    const g = findGradeable(key)!;
    expect(formatValue(g.kind, g.get(full())!)).toBe(text);
  });
});

describe('errors name the flag', () => {
  it('lists the known keys', () => {
    expect(() => gradeGuess(e(), 'nope', '1')).toThrow(
      `--guess: unknown key "nope" (known: ${GRADEABLE.map((g) => g.key).join(', ')})`,
    );
  });
  it('says which inputs are missing', () => {
    expect(() => gradeGuess(e(), 'cacheBytes', '1GB')).toThrow(
      '--guess cacheBytes: not computed from these inputs (give the flags its step needs)',
    );
  });
});

describe('formatting by kind and by step unit', () => {
  it.each([
    ['rate', 1157.407, '1.16k req/s'],
    ['count', 2e9, '2B'],
    ['bytes', 2.89e13, '28.9 TB'],
    ['bytesRate', 1_388_888.9, '1.39 MB/s'],
    ['seconds', 3153.6, '52.6 min'],
    ['ratio', 0.123456, '12.3%'],
  ] as const)('%s %f → %s', (kind, n, text) => expect(formatValue(kind, n)).toBe(text));

  it.each([
    [3472.2, 'req/s', '3.47k req/s'],
    // A bandwidth step says it in bytes and in bits: 1.5 MB/s × 8 = 12 Mb/s.
    [1_500_000, 'B/s', '1.5 MB/s = 12 Mb/s'],
    [2e10, 'B/day', '20 GB/day'],
    [2.19e13, 'B', '21.9 TB'],
    [262.8, 's', '4.38 min'],
    [0.999, 'ratio', '99.9%'],
    [11, 'servers', '11 servers'],
    [1500, 'partitions', '1.5k partitions'],
  ])('%f %s → %s', (value, unit, text) => expect(formatStepValue(value, unit)).toBe(text));

  it.each([
    ['seconds', 'duration'],
    ['bytes', 'size'],
    ['bytesRate', 'size'],
    ['rate', 'count'],
    ['count', 'count'],
    ['ratio', 'count'],
  ] as const)('a bare guess for %s reads as a %s', (kind, unit) => expect(preferredUnit(kind)).toBe(unit));

  it.each([
    // m: minutes for a downtime, a million for a count; a size takes its own units first.
    ['downtimeSecPerYear', '2m', 120],
    ['requestsPerDay', '2m', 2e6],
    ['bytesPerDay', '2MB', 2e6],
    ['bytesPerDay', '2k', 2000],
    ['ingressBytesPerSec', '1KiB', 1024],
  ])('%s guess %s is %f', (key, guess, value) => {
    const full = est({ rps: 1000, payload: '1KB', recordSize: '1KB', availability: 99.9 });
    expect(gradeGuess(full, key, guess).guess).toBe(value);
  });
});
