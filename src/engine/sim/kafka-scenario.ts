import * as z from 'zod/mini';
import { arrivals, peakRate, toArrivals, type ArrivalSpec } from './arrivals.js';
import type { DistSpec } from './dist.js';
import { common, dist, int, num, obj, oneOf, text, time, toDist, type Fail } from './fields.js';
import type { WithLevers } from './levers.js';

/** A Kafka topic and its consumer group (`kind: kafka`); every time in ms. */
export interface KafkaScenario extends WithLevers {
  kind: 'kafka';
  name: string;
  description: string;
  seed: number;
  duration: number;
  producer: ArrivalSpec & {
    /** Distinct message keys (order ids, customers), drawn uniformly. @default 10000 */
    keys: number;
    /**
     * hash: a key always goes to partition hash(key) mod partitions (keyed ordering holds);
     * least-bytes: to the partition that has received the fewest messages, ignoring the key, as the
     * seed's kafka-go `LeastBytes` balancer does with equal-sized messages. @default 'hash'
     */
    partitioner: 'hash' | 'least-bytes';
  };
  topic: { partitions: number };
  consumers: {
    count: number;
    /** Time to process one message; a consumer processes one message at a time. */
    processing: DistSpec;
  };
  group: {
    /** How long the coordinator waits for a silent consumer before rebalancing. @default 45000 (Kafka 3.0+) */
    sessionTimeout: number;
    /** How long a rebalance stops the whole group (eager protocol: every partition revoked). @default 3000 */
    rebalancePause: number;
    /** How often consumers commit their positions (auto commit). @default 5000 */
    commitInterval: number;
  };
  faults: KafkaFault[];
}

export type KafkaFault =
  /** The consumer process dies: in-flight and uncommitted work is redelivered; it restarts after `duration`. */
  | { at: number; kind: 'crash'; consumer: number; duration: number }
  /** Each message the consumer starts takes `factor` times as long (a retry loop that sleeps, a slow dependency). */
  | { at: number; kind: 'slow'; consumer: number; factor: number; duration: number };

const MAX_PARTITIONS = 10_000;
const MAX_MESSAGES = 20_000_000;

/** The `kind: kafka` document. */
export const kafkaFields = z.lazy(() =>
  obj({
    ...common('kafka', 'A topic and one consumer group, message by message.'),
    duration: time('Simulated time.', true),
    producer: arrivals('Messages produced.', {
      keys: z._default(int('Distinct keys.', 1, 1_000_000), 10_000),
      partitioner: z._default(oneOf(['hash', 'least-bytes']), 'hash'),
    }),
    topic: obj({ partitions: int('Partitions.', 1, MAX_PARTITIONS) }),
    consumers: obj({
      count: int('Consumers in the group.', 1, 1000),
      processing: dist('Time to process one message.'),
    }),
    group: z.optional(
      obj({
        sessionTimeout: z.optional(time('Default 45 s.', true)),
        rebalancePause: z.optional(time('Default 3 s.')),
        commitInterval: z.optional(time('Default 5 s.', true)),
      }),
    ),
    faults: z.optional(
      z.array(
        obj(
          {
            at: time('When.'),
            kind: oneOf(['crash', 'slow']),
            target: text().check(z.meta({ pattern: '^consumer-\\d+$' })),
            duration: time('How long.', true),
            factor: z.optional(num('Slow only: processing time multiplier.', { min: 0, exclusiveMin: true })),
          },
          '',
          'must be a mapping with at, kind, target and duration',
        ),
      ),
    ),
  }),
);

/** Normalise a `kind: kafka` document read by {@link kafkaFields}. */
export function toKafka(raw: z.output<typeof kafkaFields>, fail: Fail): KafkaScenario {
  const count = raw.consumers.count;
  const group = raw.group ?? {};
  const { keys, partitioner, ...producer } = raw.producer;
  const sc: KafkaScenario = {
    kind: 'kafka',
    name: raw.name,
    description: raw.description ?? '',
    seed: raw.seed,
    duration: raw.duration,
    producer: { ...toArrivals(producer, 'producer', fail), keys, partitioner },
    topic: raw.topic,
    consumers: { count, processing: toDist(raw.consumers.processing, 'consumers.processing', fail) },
    group: {
      sessionTimeout: group.sessionTimeout ?? 45_000,
      rebalancePause: group.rebalancePause ?? 3000,
      commitInterval: group.commitInterval ?? 5000,
    },
    faults: (raw.faults ?? []).map((f, i): KafkaFault => {
      const at = `faults[${i}]`;
      const m = /^consumer-(\d+)$/.exec(f.target);
      const consumer = m ? Number(m[1]) : 0;
      if (!(consumer >= 1 && consumer <= count)) fail(`${at}.target`, `must be consumer-1 … consumer-${count}`);
      const base = { at: f.at, consumer: consumer - 1, duration: f.duration };
      if (f.kind === 'crash') return { ...base, kind: 'crash' };
      if (f.factor === undefined) fail(`${at}.factor`, 'is required');
      return { ...base, kind: 'slow', factor: f.factor ?? 1 };
    }),
  };
  const messages = (peakRate(sc.producer) * sc.duration) / 1000;
  if (messages > MAX_MESSAGES)
    fail(
      'producer.rate',
      `would produce about ${Math.round(messages).toLocaleString('en-US')} messages, over the limit of ${MAX_MESSAGES.toLocaleString('en-US')}: shorten duration or lower the rate`,
    );
  return sc;
}
