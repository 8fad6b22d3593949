import { describe, expect, it } from 'vitest';
import { validateDynamic } from '../../../src/engine/sim/dynamics.js';
import { runKafka } from '../../../src/engine/sim/kafka-model.js';
import { rangeAssign } from '../../../src/engine/sim/kafka-result.js';
import type { KafkaScenario } from '../../../src/engine/sim/kafka-scenario.js';

type Raw = Record<string, unknown>;
const kafka = (over: Raw): KafkaScenario => {
  const { scenario, problems } = validateDynamic({
    kind: 'kafka',
    name: 't',
    duration: '60s',
    topic: { partitions: 6 },
    ...over,
  });
  if (scenario?.kind !== 'kafka') throw new Error(JSON.stringify(problems));
  return scenario;
};
/** Backlog growth per second between two timeline rows (s). */
const growth = (r: ReturnType<typeof runKafka>, from: number, to: number) =>
  (r.timeline[to - 1].backlog - r.timeline[from - 1].backlog) / (to - from);

describe('Kafka lag grows at arrival rate − service capacity', () => {
  it.each([
    // [case, partitions, consumers, rate/s, mean ms, growth/s by the closed form]
    ['3 consumers × 2 partitions, 900/s against 3 × 200/s', 6, 3, 900, 5, 300],
    [
      'range assignment 2,1,1 of 4 partitions: only the first consumer falls behind (200 − 150)',
      4,
      3,
      400,
      1000 / 150,
      50,
    ],
    ['more consumers than partitions: two idle, capacity 2 × 100', 2, 4, 300, 10, 100],
    ['under capacity: no growth', 6, 6, 500, 5, 0],
  ])('%s', (_name, partitions, count, rate, mean, expected) => {
    const sc = kafka({
      topic: { partitions },
      producer: { rate, arrival: 'constant', partitioner: 'least-bytes' },
      consumers: { count, processing: { dist: 'constant', mean: `${mean}ms` } },
    });
    const r = runKafka(sc, 1);
    expect(r.analytic.backlogGrowthPerSec).toBeCloseTo(expected, 3);
    expect(Math.abs(growth(r, 10, 60) - expected)).toBeLessThanOrEqual(1);
  });

  it('with Poisson arrivals and exponential processing, within 3% over ten minutes', () => {
    const sc = kafka({
      duration: '10m',
      producer: { rate: 900, keys: 100000 },
      consumers: { count: 3, processing: { dist: 'exponential', mean: '5ms' } },
    });
    const r = runKafka(sc, 7);
    // Keys hash unevenly to partitions; the closed form uses the scenario's exact shares.
    expect(Math.abs(r.analytic.backlogGrowthPerSec - 300)).toBeLessThan(10);
    expect(Math.abs(growth(r, 60, 600) / r.analytic.backlogGrowthPerSec - 1)).toBeLessThan(0.03);
  });

  it('one slowed consumer: its partition alone falls behind, then drains at capacity − arrivals', () => {
    // 3 partitions at 100/s each; a consumer does 200/s, 50/s while slowed four times.
    const sc = kafka({
      duration: '300s',
      topic: { partitions: 3 },
      producer: { rate: 300, arrival: 'constant', partitioner: 'least-bytes' },
      consumers: { count: 3, processing: { dist: 'constant', mean: '5ms' } },
      faults: [{ at: '60s', kind: 'slow', target: 'consumer-2', factor: 4, duration: '120s' }],
    });
    const r = runKafka(sc, 1);
    expect(Math.abs(r.lag.maxBacklog - 50 * 120)).toBeLessThanOrEqual(3);
    expect(Math.abs(growth(r, 190, 230) - -100)).toBeLessThanOrEqual(1);
    expect(r.timeline[300 - 1].backlog).toBeLessThanOrEqual(1);
  });
});

describe('Kafka consumer crash and rebalance', () => {
  // 2 partitions at 50/s each, each consumer 100/s. consumer-2 dies at 12.5 s; the coordinator notices after the
  // 10 s session timeout, the rebalance stops both for 2 s, then consumer-1 owns both partitions at 100/s.
  const sc = kafka({
    duration: '150s',
    topic: { partitions: 2 },
    producer: { rate: 100, arrival: 'constant', partitioner: 'least-bytes' },
    consumers: { count: 2, processing: { dist: 'constant', mean: '10ms' } },
    group: { sessionTimeout: '10s', rebalancePause: '2s', commitInterval: '5s' },
    faults: [{ at: '12.5s', kind: 'crash', target: 'consumer-2', duration: '100s' }],
  });
  const r = runKafka(sc, 1);

  it("the dead consumer's partition stalls until the session times out, then the whole group pauses", () => {
    expect(r.rebalances).toEqual([
      { at: 22.5, until: 24.5, reason: 'session timeout' },
      { at: 112.5, until: 114.5, reason: 'consumer rejoined' },
    ]);
    // 10 s of partition 1 (500) + 2 s of both partitions (200).
    expect(Math.abs(r.timeline[24 - 1].backlog - (500 + 150))).toBeLessThanOrEqual(2);
    // consumer-1 then spends 1.25 s redelivering 125 messages while 125 more arrive; at exactly its capacity
    // (100/s for 100/s) it never drains the 825.
    expect(Math.abs(r.timeline[110 - 1].backlog - 825)).toBeLessThanOrEqual(3);
    expect(r.timeline[50 - 1].consumers).toBe(1);
    // After the rejoin, two consumers drain at 2 × (100 − 50) = 100/s.
    expect(r.timeline[150 - 1].backlog).toBeLessThanOrEqual(2);
  });

  it('redelivers what the dead consumer processed after its last commit (10 s → 12.5 s: 125 messages)', () => {
    expect(Math.abs(r.messages.duplicates - 125)).toBeLessThanOrEqual(1);
  });
});

describe('keyed ordering', () => {
  const withPartitioner = (partitioner: string) =>
    runKafka(
      kafka({
        producer: { rate: 600, keys: 50, partitioner },
        consumers: { count: 3, processing: { dist: 'exponential', mean: '4ms' } },
        faults: [{ at: '10s', kind: 'slow', target: 'consumer-2', factor: 3, duration: '20s' }],
      }),
      3,
    );

  it('a key hashed to one partition is processed in order, even with a slow consumer', () => {
    expect(withPartitioner('hash').messages.outOfOrder).toBe(0);
  });

  it('a partitioner that ignores the key (LeastBytes) lets a fast partition overtake a slow one', () => {
    expect(withPartitioner('least-bytes').messages.outOfOrder).toBeGreaterThan(100);
  });
});

describe('Kafka scenarios', () => {
  it.each([
    [
      6,
      [0, 1, 2],
      [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
    ],
    [
      5,
      [0, 1],
      [
        [0, 1, 2],
        [3, 4],
      ],
    ],
    [2, [0, 1, 2], [[0], [1], []]],
  ])('range assignor: %i partitions over %j', (partitions, members, expected) => {
    expect(rangeAssign(partitions, members)).toEqual(expected);
  });

  it('same seed, same result', () => {
    const sc = kafka({
      producer: { rate: 500 },
      consumers: { count: 2, processing: { dist: 'exponential', mean: '3ms' } },
    });
    expect(JSON.stringify(runKafka(sc, 9))).toBe(JSON.stringify(runKafka(sc, 9)));
  });

  it.each([
    [
      { faults: [{ at: '1s', kind: 'crash', target: 'consumer-9', duration: '1s' }] },
      'faults[0].target',
      'must be consumer-1 … consumer-2',
    ],
    [{ topic: { partitions: 0 } }, 'topic.partitions', 'must be at least 1'],
    [{ producer: { rate: 10, partitioner: 'sticky' } }, 'producer.partitioner', 'must be one of hash, least-bytes'],
    [{ consumers: { count: 2, processing: { mean: '5ms' } }, lag: 1 }, 'lag', 'unknown field'],
    [{ producer: { rate: 1e6 }, duration: '1h' }, 'producer.rate', 'over the limit'],
  ])('refuses %j at the field', (over, field, message) => {
    const { problems } = validateDynamic({
      kind: 'kafka',
      name: 't',
      duration: '60s',
      topic: { partitions: 6 },
      producer: { rate: 10 },
      consumers: { count: 2, processing: { mean: '5ms' } },
      ...over,
    });
    expect(problems.find((p) => p.field === field)?.message).toContain(message);
  });
});
