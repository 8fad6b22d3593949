import { describe, expect, it } from 'vitest';
import { runKafka } from '../../../src/engine/sim/kafka-model.js';
import { kafkaAnalytic } from '../../../src/engine/sim/kafka-result.js';
import type { KafkaFault, KafkaScenario } from '../../../src/engine/sim/kafka-scenario.js';

// One key, a message every 100 ms (constant arrivals) spread over two partitions in turn (least-bytes),
// each taking exactly `processing` ms: every offset, commit and rebalance below is worked by hand.
// Message k (from 1) is produced at 100·k ms with sequence k − 1, to partition (k − 1) mod 2.
function topic(consumers: number, processing: number, faults: KafkaFault[] = []): KafkaScenario {
  return {
    kind: 'kafka',
    name: 'orders',
    description: '',
    seed: 1,
    duration: 3000,
    producer: { rate: 10, arrival: 'constant', steps: [], keys: 1, partitioner: 'least-bytes' },
    topic: { partitions: 2 },
    consumers: { count: consumers, processing: { dist: 'constant', mean: processing } },
    group: { sessionTimeout: 500, rebalancePause: 200, commitInterval: 1000 },
    faults,
  };
}
const row = (t: number, produced: number, consumed: number, backlog: number, lag: number, maxLag: number) => ({
  t,
  producedPerSec: produced,
  consumedPerSec: consumed,
  backlog,
  lag,
  maxPartitionLag: maxLag,
});

describe('a topic of two partitions, message by message', () => {
  it('one consumer keeping up (30 ms each): all but the message produced at the last instant, 30 ms each', () => {
    const r = runKafka(topic(1, 30), 1);
    expect(r.messages).toEqual({ produced: 30, processed: 29, duplicates: 0, outOfOrder: 0 });
    expect(r.e2eLatencyMs.max).toBe(30);
    // At each second the commit comes first, then the row, then that instant's message.
    expect(r.timeline).toEqual([
      { ...row(1, 9, 9, 0, 0, 0), consumers: 1, rebalancing: false, e2eP95Ms: 30 },
      { ...row(2, 10, 10, 0, 0, 0), consumers: 1, rebalancing: false, e2eP95Ms: 30 },
      { ...row(3, 10, 10, 0, 0, 0), consumers: 1, rebalancing: false, e2eP95Ms: 30 },
    ]);
    expect(r.partitions).toEqual([
      { partition: 0, currentOffset: 15, logEndOffset: 15, lag: 0, consumer: 'consumer-1' },
      { partition: 1, currentOffset: 14, logEndOffset: 15, lag: 1, consumer: 'consumer-1' },
    ]);
    expect(r.consumers).toEqual([{ id: 'consumer-1', partitions: [0, 1], processed: 29, utilization: 0.29 }]);
    expect(r.lag).toMatchObject({ final: 0, finalBacklog: 0, maxBacklog: 0 });
    expect(r.rebalances).toEqual([]);
    expect(r).toMatchObject({ scenario: 'orders', kind: 'kafka', seed: 1, simulatedSeconds: 3 });
  });

  it('one consumer falling behind (150 ms each): message k is done at 100 + 150·k, 50·k + 100 ms after it was produced', () => {
    const r = runKafka(topic(1, 150), 1);
    // Done by 3 s: k = 1 … 19 (the 19th at 2,950 ms).
    expect(r.messages).toEqual({ produced: 30, processed: 19, duplicates: 0, outOfOrder: 0 });
    expect(r.e2eLatencyMs.max).toBe(50 * 19 + 100);
    // Rows: produced 9, 10, 10; done 5 (by 850), 7 (to 1,900), 7 (to 2,950). Partition 0 holds the odd k.
    expect(
      r.timeline.map((x) => row(x.t, x.producedPerSec, x.consumedPerSec, x.backlog, x.lag, x.maxPartitionLag)),
    ).toEqual([row(1, 9, 5, 4, 4, 2), row(2, 10, 7, 7, 7, 4), row(3, 10, 7, 10, 10, 5)]);
    expect(r.lag).toMatchObject({ final: 10, finalBacklog: 10, maxBacklog: 10 });
    // Busy from 100 ms to the end: 2,900 ms of 3,000.
    expect(r.consumers[0].utilization).toBeCloseTo(2900 / 3000, 4);
    expect(r.consumers[0].processed).toBe(19);
  });

  it('a consumer crash: after the session timeout the group rebalances, and the survivor redoes the uncommitted', () => {
    // Consumer 1 owns partition 0 (odd k), consumer 2 partition 1. Consumer 1 dies at 1,450 ms having done
    // k = 1 … 13 (offsets 0–6) but committed only 5 (at 1 s). The session times out at 1,950; the group stops
    // until 2,150, then consumer 2 owns both and restarts partition 0 at offset 5: k = 11 and 13 again.
    const r = runKafka(topic(2, 30, [{ at: 1450, kind: 'crash', consumer: 0, duration: 2000 }]), 1);
    expect(r.rebalances).toEqual([{ at: 1.95, until: 2.15, reason: 'session timeout' }]);
    // k = 20 and 22 (partition 1) are done before k = 15, 17, 19 and 21 come back from partition 0.
    expect(r.messages).toEqual({ produced: 30, processed: 29, duplicates: 2, outOfOrder: 4 });
    expect(r.timeline).toEqual([
      { ...row(1, 9, 9, 0, 0, 0), consumers: 2, rebalancing: false, e2eP95Ms: 30 },
      // Partition 0: k = 15, 17, 19 waiting (backlog 3), 5 past the commit; partition 1 committed at 2 s.
      { ...row(2, 10, 7, 3, 5, 5), consumers: 1, rebalancing: true, e2eP95Ms: 30 },
      // k = 15 waited from 1,500 to 2,300 ms: the slowest of the second.
      { ...row(3, 10, 13, 0, 0, 0), consumers: 1, rebalancing: false, e2eP95Ms: 800 },
    ]);
    expect(r.e2eLatencyMs.max).toBe(800);
    expect(r.consumers).toEqual([
      { id: 'consumer-1', partitions: [], processed: 7, utilization: 0.07 },
      { id: 'consumer-2', partitions: [0, 1], processed: 24, utilization: 0.24 },
    ]);
    expect(r.partitions.map((p) => [p.currentOffset, p.logEndOffset, p.consumer])).toEqual([
      [15, 15, 'consumer-2'],
      [14, 15, 'consumer-2'],
    ]);
  });

  it('a consumer that dies mid-message never finishes it: only the message it had finished is redone', () => {
    // As above, but consumer 1 dies at 1,310 ms with k = 13 in hand (1,300–1,330): k = 11 (done, not
    // committed) comes back as a duplicate; k = 13 is processed once, by consumer 2.
    const r = runKafka(topic(2, 30, [{ at: 1310, kind: 'crash', consumer: 0, duration: 2000 }]), 1);
    expect(r.messages).toMatchObject({ produced: 30, processed: 29, duplicates: 1 });
  });

  it('the oldest message never processed sets the worst lag: the only consumer dies at 1,050 ms', () => {
    // k = 1 … 10 are done (30 ms each); nothing after. At 3 s the oldest waiting are k = 11 (1,100 ms, 1.9 s
    // old) and k = 12 (1,200 ms).
    const r = runKafka(topic(1, 30, [{ at: 1050, kind: 'crash', consumer: 0, duration: 5000 }]), 1);
    expect(r.messages.processed).toBe(10);
    expect(r.e2eLatencyMs.max).toBe(30);
    expect(r.lag.maxSeconds).toBe(1.9);
  });

  it('one consumer falling behind: the worst lag is the slowest message, 1,050 ms', () => {
    // At 3 s the oldest waiting (k = 20, produced at 2,000) is 1 s old; k = 19 took 1,050 ms.
    expect(runKafka(topic(1, 150), 1).lag.maxSeconds).toBe(1.05);
  });

  it('one key hashed: every message to one partition', () => {
    const sc = topic(1, 30);
    const r = runKafka({ ...sc, producer: { ...sc.producer, partitioner: 'hash' } }, 1);
    expect(r.partitions.map((p) => p.logEndOffset).sort((a, b) => a - b)).toEqual([0, 30]);
  });

  it('a run shorter than a second has no rows: its final lag and backlog are 0', () => {
    const r = runKafka({ ...topic(1, 150), duration: 500 }, 1);
    expect(r.timeline).toEqual([]);
    expect(r.lag).toMatchObject({ final: 0, finalBacklog: 0 });
  });

  it('a consumer back before the session timeout: one rebalance as it rejoins, and it too resumes from its commit', () => {
    // Consumer 1 dies at 1,450 ms (done to offset 7 of partition 0, committed 5) and restarts at 1,750: the
    // group rebalances from 1,750 to 1,950. A restarted process has lost its position: k = 11 and 13 again.
    const r = runKafka(topic(2, 30, [{ at: 1450, kind: 'crash', consumer: 0, duration: 300 }]), 1);
    expect(r.rebalances).toEqual([{ at: 1.75, until: 1.95, reason: 'consumer rejoined' }]);
    // k = 18 and 20 (partition 1) are done before k = 15, 17 and 19 (partition 0) are.
    expect(r.messages).toEqual({ produced: 30, processed: 29, duplicates: 2, outOfOrder: 3 });
    expect(r.consumers.map((c) => [c.id, c.partitions, c.processed])).toEqual([
      ['consumer-1', [0], 7 + 2 + 8],
      ['consumer-2', [1], 14],
    ]);
  });

  it('a slow consumer: each message it starts takes factor × as long while the fault lasts', () => {
    // Consumer 1 (odd k) at 4 × 30 ms from 1,050 to 1,650: k = 11, 13, 15 take 120 ms each, still in time.
    const r = runKafka(topic(2, 30, [{ at: 1050, kind: 'slow', consumer: 0, factor: 4, duration: 600 }]), 1);
    expect(r.messages).toEqual({ produced: 30, processed: 29, duplicates: 0, outOfOrder: 0 });
    expect(r.e2eLatencyMs.max).toBe(120);
    // Busy 30 ms for 12 of its 15 messages, 120 ms for 3: (12 × 30 + 3 × 120) / 3,000.
    expect(r.consumers[0].utilization).toBe(0.24);
  });
});

describe("the analytic figures: each consumer's share of 10 messages/s against 1000 / processing ms", () => {
  it.each<[string, KafkaScenario, object]>([
    // One consumer owns both partitions: 10/s against 33.333/s.
    [
      'one consumer, 30 ms',
      topic(1, 30),
      {
        perConsumerRate: 33.333,
        idleConsumers: 0,
        groupRatePerSec: 33.333,
        capacityPerSec: 10,
        backlogGrowthPerSec: 0,
      },
    ],
    // 10/s against 6.667/s: the backlog grows by 3.333/s.
    [
      'one consumer, 150 ms',
      topic(1, 150),
      {
        perConsumerRate: 6.667,
        idleConsumers: 0,
        groupRatePerSec: 6.667,
        capacityPerSec: 6.667,
        backlogGrowthPerSec: 3.333,
      },
    ],
    // Three consumers, two partitions: one idle; 5/s each against 6.667/s.
    [
      'three consumers, 150 ms',
      topic(3, 150),
      { perConsumerRate: 6.667, idleConsumers: 1, groupRatePerSec: 13.333, capacityPerSec: 10, backlogGrowthPerSec: 0 },
    ],
    // One key hashed to one partition: its consumer gets all 10/s, the other none.
    [
      'two consumers, one key by hash, 150 ms',
      { ...topic(2, 150), producer: { ...topic(2, 150).producer, partitioner: 'hash' } },
      {
        perConsumerRate: 6.667,
        idleConsumers: 0,
        groupRatePerSec: 13.333,
        capacityPerSec: 6.667,
        backlogGrowthPerSec: 3.333,
      },
    ],
  ])('%s', (_, sc, analytic) => {
    expect(kafkaAnalytic(sc)).toEqual(analytic);
    expect(runKafka(sc, 1).analytic).toEqual(analytic);
  });
});
