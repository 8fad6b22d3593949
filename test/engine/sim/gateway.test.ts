import { describe, expect, it } from 'vitest';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';
import { runGateway } from '../../../src/engine/sim/gateway-model.js';
import type { GatewayScenario } from '../../../src/engine/sim/gateway-scenario.js';

const gateway = (over: Record<string, unknown>): GatewayScenario => {
  const { scenario, problems } = validateDynamic({
    kind: 'gateway',
    name: 't',
    duration: '10s',
    timeout: '1h',
    server: { workers: 4, service: { dist: 'exponential', mean: '5ms' } },
    ...over,
  });
  if (scenario?.kind !== 'gateway') throw new Error(JSON.stringify(problems));
  return scenario;
};

/** M/M/c/N: the share of arrivals that find all N places (c serving, N − c waiting) taken. */
function blocking(lambda: number, mu: number, c: number, places: number): number {
  const a = lambda / mu;
  const weights = Array.from({ length: places + 1 }, (_, k) => {
    let w = 1;
    for (let i = 1; i <= k; i += 1) w *= a / Math.min(i, c);
    return w;
  });
  return weights[places] / weights.reduce((s, w) => s + w, 0);
}

describe('token bucket at the gateway', () => {
  it.each([
    ['constant 3,000/s into 1,000/s, burst 100: rate × time + burst', 'constant', 3000, 1000, 100, 10_100, 2],
    ['Poisson 5,000/s into 800/s, burst 400', 'poisson', 5000, 800, 400, 8400, 40],
    ['under the rate nothing is refused', 'constant', 500, 1000, 10, 5000, 1],
  ])('%s', (_name, arrival, rate, bucketRate, burst, admitted, tolerance) => {
    const r = runGateway(
      gateway({
        traffic: { rate, arrival },
        rateLimit: { rate: bucketRate, burst },
        server: { workers: 100, service: { dist: 'constant', mean: '1ms' } },
      }),
      2,
    );
    expect(Math.abs(r.requests.admitted - admitted)).toBeLessThanOrEqual(tolerance);
    expect(r.requests.rejected.rateLimited).toBe(r.requests.offered - r.requests.admitted);
    // Refusals are not errors.
    expect(r.errorRate).toBe(0);
  });
});

describe('a bounded queue sheds what does not fit', () => {
  it.each([
    [1000, 4, 6],
    [700, 4, 2],
    [900, 2, 10],
  ])(
    'λ = %i/s, %i workers at 200/s each, room for %i more: the M/M/c/N blocking probability, within 3%',
    (lambda, workers, limit) => {
      const r = runGateway(
        gateway({
          duration: '10m',
          traffic: { rate: lambda },
          server: { workers, service: { dist: 'exponential', mean: '5ms' } },
          queue: { limit },
        }),
        8,
      );
      const expected = blocking(lambda, 200, workers, workers + limit);
      expect(Math.abs(r.requests.rejected.queueFull / r.requests.offered / expected - 1)).toBeLessThan(0.03);
    },
  );
});

describe('under overload: FIFO answers nobody in time, LIFO and age-based shedding keep goodput', () => {
  // Capacity 1,600/s (8 × 5 ms); 3,200/s for 30 s into a queue of 2,000 (1.25 s of work) with a 500 ms client timeout.
  const run = (queue: Record<string, unknown>) =>
    runGateway(
      gateway({
        duration: '40s',
        timeout: '500ms',
        traffic: { rate: 3200 },
        server: { workers: 8, service: { dist: 'exponential', mean: '5ms' } },
        queue: { limit: 2000, ...queue },
      }),
      6,
    );
  const goodput = (r: ReturnType<typeof run>) =>
    r.timeline.slice(10, 40).reduce((s, row) => s + row.goodputRps, 0) / 30;

  it.each([
    ['fifo: the queue is older than the timeout, so every answer is wasted', { discipline: 'fifo' }, 0, 0.02],
    ['lifo: the newest are answered at once', { discipline: 'lifo' }, 0.95, 1.01],
    ['fifo dropping requests older than 100 ms', { discipline: 'fifo', maxAge: '100ms' }, 0.95, 1.01],
  ])('%s', (_name, queue, low, high) => {
    const r = run(queue);
    expect(goodput(r) / 1600).toBeGreaterThanOrEqual(low);
    expect(goodput(r) / 1600).toBeLessThanOrEqual(high);
  });

  it('wasted work: FIFO spends nearly all of it on clients who have gone; age shedding none', () => {
    expect(run({ discipline: 'fifo' }).server.wastedShare).toBeGreaterThan(0.9);
    expect(run({ discipline: 'fifo', maxAge: '100ms' }).server.wastedShare).toBe(0);
  });
});

describe('gateway scenarios', () => {
  it('same seed, same result', () => {
    const sc = gateway({ traffic: { rate: 900 }, rateLimit: { rate: 700, burst: 50 } });
    expect(JSON.stringify(runGateway(sc, 4))).toBe(JSON.stringify(runGateway(sc, 4)));
  });

  it.each([
    [{ rateLimit: { rate: 100 } }, 'rateLimit.burst', 'is required'],
    [{ queue: { discipline: 'random' } }, 'queue.discipline', 'must be one of fifo, lifo'],
    [{ timeout: undefined }, 'timeout', 'is required'],
    [{ traffic: { rate: 1e7 } }, 'traffic.rate', 'over the limit'],
  ])('refuses %j at the field', (over, field, message) => {
    const { problems } = validateDynamic({
      kind: 'gateway',
      name: 't',
      duration: '10s',
      timeout: '1s',
      traffic: { rate: 10 },
      server: { workers: 1, service: { mean: '5ms' } },
      ...over,
    });
    expect(problems.find((p) => p.field === field)?.message).toContain(message);
  });
});

describe('zones', () => {
  const zoned = (instances: number, zone: number, over: Record<string, unknown> = {}) =>
    gateway({
      duration: '3m',
      timeout: '1h',
      instances,
      zones: 3,
      queue: { limit: 100 },
      faults: [{ at: '60s', kind: 'zone-down', zone, duration: '60s' }],
      ...over,
    });

  it('a lost zone takes its instances: goodput falls to what the others can answer, and returns with the zone', () => {
    // 7 instances of 400/s spread 3, 2, 2; zone 1 down leaves 4 × 400 = 1,600/s for 2,000/s offered.
    const r = runGateway(
      zoned(7, 1, { traffic: { rate: 2000 }, server: { workers: 4, service: { dist: 'exponential', mean: '10ms' } } }),
      3,
    );
    const mean = (from: number, to: number) =>
      r.timeline.slice(from, to).reduce((s, row) => s + row.goodputRps, 0) / (to - from);
    expect(r.timeline[30].instances).toBe(7);
    expect(r.timeline[90].instances).toBe(4);
    expect(r.timeline[150].instances).toBe(7);
    expect(Math.abs(mean(65, 115) / 1600 - 1)).toBeLessThan(0.02);
    expect(Math.abs(mean(125, 175) / 2000 - 1)).toBeLessThan(0.02);
  });

  it('the requests in flight on the lost instances fail: their share of the busy workers', () => {
    // Constant 100/s of 1 s work on 6 × 50 workers: always exactly 100 busy; two of six instances hold 33 of them.
    const r = runGateway(
      zoned(6, 2, {
        traffic: { rate: 100, arrival: 'constant' },
        server: { workers: 50, service: { dist: 'constant', mean: '1s' } },
      }),
      3,
    );
    expect(r.requests.lostInFlight).toBe(33);
    expect(r.errorRate).toBeGreaterThan(0);
  });

  it.each([
    [{ faults: [{ at: '1s', kind: 'zone-down', zone: 4, duration: '1s' }] }, 'faults[0].zone', 'must be at most 3'],
    [{ faults: [{ at: '1s', zone: 1, duration: '1s' }] }, 'faults[0].kind', 'is required'],
  ])('refuses %j', (over, field, message) => {
    const { problems } = validateDynamic({
      kind: 'gateway',
      name: 't',
      duration: '10s',
      timeout: '1s',
      zones: 3,
      traffic: { rate: 10 },
      server: { workers: 1, service: { mean: '5ms' } },
      ...over,
    });
    expect(problems.find((p) => p.field === field)?.message).toContain(message);
  });
});
