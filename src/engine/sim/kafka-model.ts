import { Arrivals } from './arrivals.js';
import { sampler } from './dist.js';
import { EventHeap } from './heap.js';
import { Histogram } from './histogram.js';
import type { KafkaFault, KafkaScenario } from './kafka-scenario.js';
import { hashKey, kafkaAnalytic, rangeAssign, type KafkaResult, type KafkaRow } from './kafka-result.js';
import { round } from './metrics.js';
import { nearestRank } from './nearest-rank.js';
import { PartitionLog } from './partition-log.js';
import { Rng } from './rng.js';

const ARRIVAL = 0;
const DONE = 1;
const COMMIT = 2;
const FAULT_START = 3;
const FAULT_END = 4;
const REBALANCE_START = 5;
const REBALANCE_END = 6;
const TICK = 7;
/** DONE events carry consumer + epoch · EPOCH, so a crashed consumer's pending completion is ignored. */
const EPOCH = 1024;

/**
 * A topic's partitions and one consumer group, message by message. The producer appends to a partition
 * (by key hash, or the least-filled one); each partition belongs to at most one consumer (Kafka's range
 * assignor), which processes its partitions' messages one at a time, in offset order. Positions are
 * committed every `commitInterval` and when a rebalance revokes partitions. A crashed consumer stops
 * heartbeating: after `sessionTimeout` (or when it restarts, if sooner) the group rebalances, stopping
 * every consumer for `rebalancePause`, and its partitions resume from their last committed offset, so the
 * uncommitted messages are processed twice (at-least-once).
 */
export function runKafka(sc: KafkaScenario, seed: number): Omit<KafkaResult, 'wallMs'> {
  const rng = new Rng(seed);
  const arrivals = new Arrivals(sc.producer, rng);
  const processing = sampler(sc.consumers.processing, rng);
  const P = sc.topic.partitions;
  const C = sc.consumers.count;
  const logs = Array.from({ length: P }, () => new PartitionLog());
  const position = new Float64Array(P);
  const committed = new Float64Array(P);
  const highWater = new Float64Array(P);
  const owner = new Int32Array(P).fill(-1);
  const keySeq = new Int32Array(sc.producer.keys);
  const lastSeq = new Int32Array(sc.producer.keys).fill(-1);
  const alive = new Uint8Array(C).fill(1);
  const epoch = new Int32Array(C);
  const busy = new Int32Array(C).fill(-1);
  const busyOffset = new Float64Array(C);
  const busyStart = new Float64Array(C);
  const busyMs = new Float64Array(C);
  const served = new Float64Array(C);
  const slow = new Float64Array(C).fill(1);
  const cursor = new Int32Array(C);
  let assigned: number[][] = rangeAssign(P, [...Array(C).keys()]);
  assigned.forEach((parts, c) => parts.forEach((p) => (owner[p] = c)));
  const heap = new EventHeap();
  let seq = 0;
  const at = (t: number, kind: number, data = 0) => heap.push(t, seq++, kind, data);
  let rebalancing = false;
  let rebalanceEnd = 0;
  const rebalances: KafkaResult['rebalances'] = [];
  let produced = 0;
  let processed = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  let roundRobin = 0;
  const e2e = new Histogram();
  let second: number[] = [];
  let secondProduced = 0;
  let secondConsumed = 0;
  const timeline: KafkaRow[] = [];
  let maxBacklog = 0;
  let maxAge = 0;

  const start = (c: number, now: number) => {
    if (!alive[c] || busy[c] >= 0 || rebalancing) return;
    const parts = assigned[c];
    for (let k = 0; k < parts.length; k += 1) {
      const p = parts[(cursor[c] + k) % parts.length];
      if (position[p] < logs[p].end) {
        cursor[c] = (cursor[c] + k + 1) % parts.length;
        busy[c] = p;
        busyOffset[c] = position[p];
        busyStart[c] = now;
        at(now + processing() * slow[c], DONE, c + epoch[c] * EPOCH);
        return;
      }
    }
  };
  const commitOwned = () => {
    for (let p = 0; p < P; p += 1) if (owner[p] >= 0 && alive[owner[p]]) committed[p] = position[p];
  };
  const backlog = () => logs.reduce((n, log, p) => n + log.end - highWater[p], 0);

  at(arrivals.next(0), ARRIVAL);
  at(sc.group.commitInterval, COMMIT);
  at(1000, TICK, 1);
  sc.faults.forEach((f, i) => at(f.at, FAULT_START, i));
  while (heap.size > 0) {
    heap.pop();
    const now = heap.topTime;
    if (now > sc.duration) break;
    const data = heap.topData;
    switch (heap.topKind) {
      case ARRIVAL: {
        const key = rng.int(sc.producer.keys);
        const p = sc.producer.partitioner === 'hash' ? hashKey(key) % P : roundRobin++ % P;
        logs[p].append(now, key, keySeq[key]++);
        produced += 1;
        secondProduced += 1;
        if (owner[p] >= 0) start(owner[p], now);
        at(arrivals.next(now), ARRIVAL);
        break;
      }
      case DONE: {
        const c = data % EPOCH;
        if ((data - c) / EPOCH !== epoch[c]) break;
        const p = busy[c];
        const offset = busyOffset[c];
        busy[c] = -1;
        busyMs[c] += now - busyStart[c];
        served[c] += 1;
        if (offset < highWater[p]) duplicates += 1;
        else {
          highWater[p] = offset + 1;
          processed += 1;
          secondConsumed += 1;
          const latency = now - logs[p].time(offset);
          e2e.record(latency);
          second.push(latency);
          const key = logs[p].key(offset);
          if (logs[p].seq(offset) < lastSeq[key]) outOfOrder += 1;
          else lastSeq[key] = logs[p].seq(offset);
        }
        position[p] = Math.max(position[p], offset + 1);
        if (rebalancing) committed[p] = Math.max(committed[p], offset + 1);
        start(c, now);
        break;
      }
      case COMMIT:
        commitOwned();
        for (let p = 0; p < P; p += 1) logs[p].trim(committed[p]);
        at(now + sc.group.commitInterval, COMMIT);
        break;
      case FAULT_START:
      case FAULT_END:
        applyFault(sc.faults[data], heap.topKind === FAULT_START, now, data);
        break;
      case REBALANCE_START:
        // Eager protocol: every member revokes (committing what it has) and stops until the new assignment.
        commitOwned();
        rebalancing = true;
        rebalanceEnd = Math.max(rebalanceEnd, now + sc.group.rebalancePause);
        rebalances.push({
          at: round(now / 1000, 3),
          until: 0,
          reason: data === 0 ? 'session timeout' : 'consumer rejoined',
        });
        at(rebalanceEnd, REBALANCE_END);
        break;
      case REBALANCE_END: {
        if (now < rebalanceEnd) break;
        rebalancing = false;
        for (const r of rebalances) if (r.until === 0) r.until = round(now / 1000, 3);
        const members = [...Array(C).keys()].filter((c) => alive[c]);
        assigned = Array.from({ length: C }, () => []);
        rangeAssign(P, members).forEach((parts, i) => (assigned[members[i]] = parts));
        owner.fill(-1);
        assigned.forEach((parts, c) => parts.forEach((p) => (owner[p] = c)));
        for (let p = 0; p < P; p += 1) position[p] = committed[p];
        for (let c = 0; c < C; c += 1) start(c, now);
        break;
      }
      case TICK: {
        const b = backlog();
        maxBacklog = Math.max(maxBacklog, b);
        // The oldest message never yet processed is each partition's first offset past its high water.
        for (let p = 0; p < P; p += 1)
          if (highWater[p] < logs[p].end) maxAge = Math.max(maxAge, now - logs[p].time(highWater[p]));
        let lag = 0;
        let maxPartitionLag = 0;
        for (let p = 0; p < P; p += 1) {
          lag += logs[p].end - committed[p];
          maxPartitionLag = Math.max(maxPartitionLag, logs[p].end - committed[p]);
        }
        const active = [...Array(C).keys()].filter((c) => alive[c] && assigned[c].length > 0).length;
        timeline.push({
          t: data,
          producedPerSec: secondProduced,
          consumedPerSec: secondConsumed,
          backlog: b,
          lag,
          maxPartitionLag,
          consumers: active,
          rebalancing,
          e2eP95Ms: round(nearestRank(second, 0.95), 1),
        });
        second = [];
        secondProduced = 0;
        secondConsumed = 0;
        at(now + 1000, TICK, data + 1);
        break;
      }
    }
  }

  function applyFault(f: KafkaFault, begins: boolean, now: number, index: number): void {
    const c = f.consumer;
    if (f.kind === 'slow') {
      slow[c] = begins ? slow[c] * f.factor : slow[c] / f.factor;
    } else if (begins) {
      alive[c] = 0;
      epoch[c] += 1;
      // The process's position dies with it: a restart before the session timeout must not commit it.
      for (const p of assigned[c]) position[p] = committed[p];
      if (busy[c] >= 0) busyMs[c] += now - busyStart[c];
      busy[c] = -1;
      if (sc.group.sessionTimeout < f.duration) at(now + sc.group.sessionTimeout, REBALANCE_START, 0);
    } else {
      alive[c] = 1;
      at(now, REBALANCE_START, 1);
    }
    if (begins) at(now + f.duration, FAULT_END, index);
  }

  for (let c = 0; c < C; c += 1) if (busy[c] >= 0) busyMs[c] += sc.duration - busyStart[c];
  return {
    scenario: sc.name,
    kind: 'kafka',
    seed,
    simulatedSeconds: sc.duration / 1000,
    messages: { produced, processed, duplicates, outOfOrder },
    analytic: kafkaAnalytic(sc),
    lag: {
      final: timeline.at(-1)?.lag ?? 0,
      finalBacklog: timeline.at(-1)?.backlog ?? 0,
      maxBacklog,
      maxSeconds: round(Math.max(maxAge, e2e.max()) / 1000, 3),
    },
    e2eLatencyMs: {
      p50: round(e2e.quantile(0.5), 1),
      p95: round(e2e.quantile(0.95), 1),
      p99: round(e2e.quantile(0.99), 1),
      max: round(e2e.max(), 1),
    },
    partitions: logs.map((log, p) => ({
      partition: p,
      currentOffset: committed[p],
      logEndOffset: log.end,
      lag: log.end - committed[p],
      consumer: owner[p] >= 0 ? `consumer-${owner[p] + 1}` : '-',
    })),
    consumers: [...Array(C).keys()].map((c) => ({
      id: `consumer-${c + 1}`,
      partitions: assigned[c],
      processed: served[c],
      utilization: round(busyMs[c] / sc.duration, 4),
    })),
    rebalances,
    timeline,
  };
}
