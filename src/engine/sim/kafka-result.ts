import type { KafkaScenario } from './kafka-scenario.js';
import { round } from './metrics.js';

/** One simulated second of a Kafka run. */
export interface KafkaRow {
  /** End of the second (s). */
  t: number;
  producedPerSec: number;
  /** Messages processed for the first time in this second (redeliveries not counted). */
  consumedPerSec: number;
  /** Messages produced and never yet processed. */
  backlog: number;
  /** Log-end offset − committed offset, summed over partitions (what kafka-consumer-groups prints as LAG). */
  lag: number;
  maxPartitionLag: number;
  /** Live consumers that own at least one partition. */
  consumers: number;
  rebalancing: boolean;
  /** P95 of produce-to-processed time of this second's messages (ms). */
  e2eP95Ms: number;
}

/** What `simulate` prints for `kind: kafka`. */
export interface KafkaResult {
  scenario: string;
  kind: 'kafka';
  seed: number;
  simulatedSeconds: number;
  /** outOfOrder: messages processed after a later message of the same key. duplicates: redeliveries. */
  messages: { produced: number; processed: number; duplicates: number; outOfOrder: number };
  analytic: KafkaAnalytic;
  /**
   * final: lag at the end (log-end − committed); finalBacklog, maxBacklog: messages never yet processed, at
   * the end and at their most; maxSeconds: the age of the oldest unprocessed message at its worst (a
   * consumer group's "time lag"), which counts the messages still waiting at the end as well.
   */
  lag: { final: number; finalBacklog: number; maxBacklog: number; maxSeconds: number };
  e2eLatencyMs: { p50: number; p95: number; p99: number; max: number };
  /** The end state, as `kafka-consumer-groups --describe` prints it. */
  partitions: Array<{ partition: number; currentOffset: number; logEndOffset: number; lag: number; consumer: string }>;
  consumers: Array<{ id: string; partitions: number[]; processed: number; utilization: number }>;
  rebalances: Array<{ at: number; until: number; reason: string }>;
  timeline: KafkaRow[];
  wallMs: number;
}

/** The closed form for the base rate with every consumer up. */
export interface KafkaAnalytic {
  /** Messages per second one consumer can process (1000 / mean processing ms). */
  perConsumerRate: number;
  /** Consumers that own no partition (more consumers than partitions). */
  idleConsumers: number;
  /** Consumers that own a partition × the rate of one: the most the group can process. */
  groupRatePerSec: number;
  /** Σ over consumers of min(its arrival rate, its processing rate): what the group sustains. */
  capacityPerSec: number;
  /** Σ over consumers of max(0, its arrival rate − its processing rate): how fast the backlog grows. */
  backlogGrowthPerSec: number;
}

/** Kafka's RangeAssignor for one topic: members in order, each a contiguous run, the first P mod n one longer. */
export function rangeAssign(partitions: number, members: number[]): number[][] {
  const n = members.length;
  if (n === 0) return [];
  const per = Math.floor(partitions / n);
  const extra = partitions % n;
  let next = 0;
  return members.map((_, i) => {
    const size = per + (i < extra ? 1 : 0);
    const parts = Array.from({ length: size }, (_, k) => next + k);
    next += size;
    return parts;
  });
}

/** Kafka's default partitioner hashes the key bytes (murmur2); any well-mixed hash spreads keys alike. */
export function hashKey(key: number): number {
  let h = Math.imul(key ^ 0x5bd1e995, 0x5bd1e995);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2d);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Each consumer is one server: it takes its partitions' share of the traffic (exact, from where the
 * scenario's keys hash, or 1/P each for least-bytes) and processes at most 1000 / mean messages a second.
 */
export function kafkaAnalytic(sc: KafkaScenario): KafkaAnalytic {
  const P = sc.topic.partitions;
  const share = new Array<number>(P).fill(sc.producer.partitioner === 'hash' ? 0 : 1 / P);
  if (sc.producer.partitioner === 'hash')
    for (let k = 0; k < sc.producer.keys; k += 1) share[hashKey(k) % P] += 1 / sc.producer.keys;
  const mu = 1000 / sc.consumers.processing.mean;
  let capacity = 0;
  let growth = 0;
  let owners = 0;
  for (const parts of rangeAssign(P, [...Array(sc.consumers.count).keys()])) {
    if (parts.length === 0) continue;
    owners += 1;
    const load = sc.producer.rate * parts.reduce((s, p) => s + share[p], 0);
    capacity += Math.min(load, mu);
    growth += Math.max(0, load - mu);
  }
  return {
    perConsumerRate: round(mu, 3),
    idleConsumers: Math.max(0, sc.consumers.count - P),
    groupRatePerSec: round(owners * mu, 3),
    capacityPerSec: round(capacity, 3),
    backlogGrowthPerSec: round(growth, 3),
  };
}
