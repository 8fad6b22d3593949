import { peakRate, readArrivals, type ArrivalSpec } from './arrivals.js';
import type { DistSpec } from './dist.js';
import { FieldReader, type Obj } from './field-reader.js';
import type { Lever, Slo } from './levers.js';

/** A Kafka topic and its consumer group (`kind: kafka`); every time in ms. */
export interface KafkaScenario {
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
  /** The knobs a user may turn (`simulate --levers`). @default [] */
  levers?: Lever[];
  /** The objectives a run is judged against. @default [] */
  slos?: Slo[];
}

export type KafkaFault =
  /** The consumer process dies: in-flight and uncommitted work is redelivered; it restarts after `duration`. */
  | { at: number; kind: 'crash'; consumer: number; duration: number }
  /** Each message the consumer starts takes `factor` times as long (a retry loop that sleeps, a slow dependency). */
  | { at: number; kind: 'slow'; consumer: number; factor: number; duration: number };

const MAX_PARTITIONS = 10_000;
const MAX_MESSAGES = 20_000_000;

/** Validate and normalise a `kind: kafka` document. */
export function readKafka(raw: Obj, r: FieldReader): KafkaScenario {
  r.known(raw, '', [
    'kind',
    'name',
    'description',
    'seed',
    'duration',
    'producer',
    'topic',
    'consumers',
    'group',
    'faults',
  ]);
  const producer = r.obj(raw, 'producer', 'producer', true);
  r.known(producer, 'producer', ['rate', 'arrival', 'steps', 'bursts', 'diurnal', 'keys', 'partitioner']);
  const topic = r.obj(raw, 'topic', 'topic', true);
  r.known(topic, 'topic', ['partitions']);
  const consumers = r.obj(raw, 'consumers', 'consumers', true);
  r.known(consumers, 'consumers', ['count', 'processing']);
  const group = r.obj(raw, 'group', 'group');
  r.known(group, 'group', ['sessionTimeout', 'rebalancePause', 'commitInterval']);
  const count = r.num(consumers, 'count', 'consumers.count', { min: 1, max: 1000, integer: true, required: true }) ?? 1;
  const sc: KafkaScenario = {
    kind: 'kafka',
    name: r.str(raw, 'name', 'name', true) ?? 'kafka',
    description: r.str(raw, 'description', 'description', false) ?? '',
    seed: r.num(raw, 'seed', 'seed', { min: 0, max: 4_294_967_295, integer: true }) ?? 1,
    duration: r.time(raw, 'duration', 'duration', true, true) ?? 1,
    producer: {
      ...readArrivals(producer, 'producer', r),
      keys: r.num(producer, 'keys', 'producer.keys', { min: 1, max: 1_000_000, integer: true }) ?? 10_000,
      partitioner: r.oneOf(producer, 'partitioner', 'producer.partitioner', ['hash', 'least-bytes'] as const) ?? 'hash',
    },
    topic: {
      partitions:
        r.num(topic, 'partitions', 'topic.partitions', {
          min: 1,
          max: MAX_PARTITIONS,
          integer: true,
          required: true,
        }) ?? 1,
    },
    consumers: { count, processing: r.dist(consumers, 'processing', 'consumers.processing') },
    group: {
      sessionTimeout: r.time(group, 'sessionTimeout', 'group.sessionTimeout', false, true) ?? 45_000,
      rebalancePause: r.time(group, 'rebalancePause', 'group.rebalancePause', false) ?? 3000,
      commitInterval: r.time(group, 'commitInterval', 'group.commitInterval', false, true) ?? 5000,
    },
    faults: r.list(raw, 'faults', 'faults').map((f, i) => fault(f, `faults[${i}]`, count, r)),
  };
  const messages = (peakRate(sc.producer) * sc.duration) / 1000;
  if (messages > MAX_MESSAGES)
    r.fail(
      'producer.rate',
      `would produce about ${Math.round(messages).toLocaleString('en-US')} messages, over the limit of ${MAX_MESSAGES.toLocaleString('en-US')}: shorten duration or lower the rate`,
    );
  return sc;
}

function fault(raw: unknown, at: string, consumers: number, r: FieldReader): KafkaFault {
  const fallback: KafkaFault = { at: 0, kind: 'crash', consumer: 0, duration: 0 };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return r.fail(at, 'must be a mapping with at, kind, target and duration') ?? fallback;
  const f = raw as Obj;
  r.known(f, at, ['at', 'kind', 'target', 'duration', 'factor']);
  const kind = r.oneOf(f, 'kind', `${at}.kind`, ['crash', 'slow'] as const) ?? 'crash';
  const target = r.str(f, 'target', `${at}.target`, true) ?? '';
  const m = /^consumer-(\d+)$/.exec(target);
  const consumer = m ? Number(m[1]) : 0;
  if (target && !(consumer >= 1 && consumer <= consumers))
    r.fail(`${at}.target`, `must be consumer-1 … consumer-${consumers}`);
  const common = {
    at: r.time(f, 'at', `${at}.at`, true) ?? 0,
    consumer: consumer - 1,
    duration: r.time(f, 'duration', `${at}.duration`, true, true) ?? 0,
  };
  if (kind === 'crash') return { ...common, kind };
  return {
    ...common,
    kind,
    factor: r.num(f, 'factor', `${at}.factor`, { min: 0, exclusiveMin: true, required: true }) ?? 1,
  };
}
