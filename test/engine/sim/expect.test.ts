import { describe, expect, it } from 'vitest';
import { checkExpect, validateExpect } from '../../../src/engine/sim/expect.js';
import { runScenario } from '../../../src/engine/sim/model.js';
import { toResult } from '../../../src/engine/sim/result.js';
import { scenario } from './helpers.js';

describe("expect: a scenario file's claims about its own run", () => {
  it.each([
    [{ p95Ms: [400, 600] }, 'requests', { p95Ms: [400, 600] }],
    [{ availability: [99.99, 100] }, 'availability', { availability: [99.99, 100] }],
    [undefined, 'requests', undefined],
    [{ errorRate: [0, 0] }, 'requests', { errorRate: [0, 0] }],
  ] as const)('%j is read for a %s scenario', (raw, kind, normalised) => {
    expect(validateExpect(raw, kind)).toEqual({ expect: normalised, problems: [] });
  });

  it.each([
    [[1, 2], 'requests', 'expect', 'must be a mapping such as { p95Ms: [400, 600] }'],
    [
      { p95: [1, 2] },
      'requests',
      'expect.p95',
      'unknown metric for a requests scenario (known: meanMs, p50Ms, p95Ms, p99Ms, errorRate, retries, shortCircuited, goodputRps, utilization, breakerOpens)',
    ],
    [
      { p95Ms: [1, 2] },
      'availability',
      'expect.p95Ms',
      'unknown metric for a availability scenario (known: availability, downtimeMinutesPerYear)',
    ],
    [{ p95Ms: [600, 400] }, 'requests', 'expect.p95Ms', 'must be a range [low, high] of two numbers, low ≤ high'],
    [{ p95Ms: 500 }, 'requests', 'expect.p95Ms', 'must be a range [low, high] of two numbers, low ≤ high'],
    [{ p95Ms: ['a', 'b'] }, 'requests', 'expect.p95Ms', 'must be a range [low, high] of two numbers, low ≤ high'],
    [{ p95Ms: [1, 'b'] }, 'requests', 'expect.p95Ms', 'must be a range [low, high] of two numbers, low ≤ high'],
    [{ p95Ms: [1, Infinity] }, 'requests', 'expect.p95Ms', 'must be a range [low, high] of two numbers, low ≤ high'],
    [{ p95Ms: [1, 2, 3] }, 'requests', 'expect.p95Ms', 'must be a range [low, high] of two numbers, low ≤ high'],
    [{ p95Ms: [1] }, 'requests', 'expect.p95Ms', 'must be a range [low, high] of two numbers, low ≤ high'],
    [null, 'requests', 'expect', 'must be a mapping such as { p95Ms: [400, 600] }'],
    ['p95Ms', 'requests', 'expect', 'must be a mapping such as { p95Ms: [400, 600] }'],
  ] as const)('%j for a %s scenario is refused at %s', (raw, kind, field, message) => {
    expect(validateExpect(raw, kind)).toEqual({ problems: [{ field, message }] });
  });

  // M/M/1 at ρ = 0.5 with mean service 5 ms: utilisation 0.5 within sampling error, no retries.
  const sc = scenario({ duration: 200_000 });
  const result = toResult(sc.name, sc.seed, sc.duration, sc.warmup, runScenario(sc, sc.seed), 0);

  it('a claim the run meets passes; one it contradicts is reported with the actual value', () => {
    expect(checkExpect({ utilization: [0.48, 0.52], retries: [0, 0] }, result)).toEqual([]);
    expect(checkExpect({ utilization: [0.6, 0.7], breakerOpens: [1, 5] }, result)).toEqual([
      { metric: 'utilization', range: [0.6, 0.7], actual: result.servers[0].utilization },
      { metric: 'breakerOpens', range: [1, 5], actual: 0 },
    ]);
  });

  it('availability claims are read in percent', () => {
    const run = {
      kind: 'availability',
      availability: { mean: 0.99995, p5: 0, p50: 0, p95: 0 },
      downtimeMinutesPerYear: { mean: 26.28, p5: 0, p95: 0 },
    } as never;
    expect(checkExpect({ availability: [99.99, 100] }, run)).toEqual([]);
    expect(checkExpect({ availability: [99.999, 100] }, run)).toEqual([
      { metric: 'availability', range: [99.999, 100], actual: 99.995 },
    ]);
  });

  // A hand-made result with a different value in every field, so each metric is seen to read its own.
  const made = {
    latencyMs: { mean: 11, p50: 12, p90: 13, p95: 14, p99: 15, p999: 16, max: 17 },
    errorRate: 0.25,
    requests: { retries: 21, shortCircuited: 22 },
    throughput: { offeredRps: 31, goodputRps: 32 },
    servers: [{ utilization: 0.3 }, { utilization: 0.7 }, { utilization: 0.5 }],
    breaker: {
      transitions: [
        { at: 1, from: 'closed', to: 'open' },
        { at: 2, from: 'open', to: 'half-open' },
        { at: 3, from: 'half-open', to: 'open' },
        { at: 4, from: 'open', to: 'half-open' },
        { at: 5, from: 'half-open', to: 'closed' },
      ],
    },
  } as never;
  it.each([
    ['meanMs', 11],
    ['p50Ms', 12],
    ['p95Ms', 14],
    ['p99Ms', 15],
    ['errorRate', 0.25],
    ['retries', 21],
    ['shortCircuited', 22],
    ['goodputRps', 32],
    ['utilization', 0.7],
    ['breakerOpens', 2],
  ] as const)('%s reads %d: met on [x, x], contradicted just below and just above', (metric, value) => {
    expect(checkExpect({ [metric]: [value, value] }, made)).toEqual([]);
    expect(checkExpect({ [metric]: [value - 1e-9, value - 1e-9] }, made)).toEqual([
      { metric, range: [value - 1e-9, value - 1e-9], actual: value },
    ]);
    expect(checkExpect({ [metric]: [value + 1e-9, value + 1e-9] }, made)).toEqual([
      { metric, range: [value + 1e-9, value + 1e-9], actual: value },
    ]);
  });

  it('downtime is read in minutes; a request metric on an availability run is never met', () => {
    const run = {
      kind: 'availability',
      availability: { mean: 0.999, p5: 0, p50: 0, p95: 0 },
      downtimeMinutesPerYear: { mean: 525.6, p5: 0, p95: 0 },
    } as never;
    expect(checkExpect({ downtimeMinutesPerYear: [525, 526] }, run)).toEqual([]);
    expect(checkExpect({ downtimeMinutesPerYear: [0, 500] }, run)).toEqual([
      { metric: 'downtimeMinutesPerYear', range: [0, 500], actual: 525.6 },
    ]);
    expect(checkExpect({ p95Ms: [0, 1e9] }, run)).toEqual([{ metric: 'p95Ms', range: [0, 1e9], actual: NaN }]);
  });
});
