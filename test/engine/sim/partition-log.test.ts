import { describe, expect, it } from 'vitest';
import { PartitionLog } from '../../../src/engine/sim/partition-log.js';

// Message k (from 0) at time 10·k, key k mod 7, sequence k: each offset must read back its own.
function filled(n: number): PartitionLog {
  const log = new PartitionLog();
  for (let k = 0; k < n; k += 1) log.append(10 * k, k % 7, k);
  return log;
}
const at = (log: PartitionLog, offset: number) => [log.time(offset), log.key(offset), log.seq(offset)];

describe('a partition log', () => {
  it.each([1, 1024, 1025, 5000])('%i messages: every offset reads back its time, key and sequence', (n) => {
    const log = filled(n);
    expect(log.end).toBe(n);
    for (const offset of [0, n >> 1, n - 1]) expect(at(log, offset)).toEqual([10 * offset, offset % 7, offset]);
  });

  it('trimming below half the buffer keeps everything; past half it drops what is below, and the rest still reads', () => {
    const log = filled(1024);
    log.trim(512); // exactly half of 1,024: kept
    expect(at(log, 0)).toEqual([0, 0, 0]);
    log.trim(513);
    expect(at(log, 513)).toEqual([5130, 513 % 7, 513]);
    expect(at(log, 1023)).toEqual([10_230, 1023 % 7, 1023]);
    // Room freed at the front: the next 513 messages fit without growing, and read back.
    for (let k = 1024; k < 1537; k += 1) log.append(10 * k, k % 7, k);
    expect(at(log, 1536)).toEqual([15_360, 1536 % 7, 1536]);
    expect(at(log, 600)).toEqual([6000, 600 % 7, 600]);
    expect(log.end).toBe(1537);
  });

  it('trimming everything, then appending, starts the buffer afresh', () => {
    const log = filled(2000);
    log.trim(2000);
    log.append(1, 2, 3);
    expect(log.end).toBe(2001);
    expect(at(log, 2000)).toEqual([1, 2, 3]);
  });

  it('a trimmed offset reads nothing; a second trim counts from the first one’s base', () => {
    const log = filled(1024);
    log.trim(513);
    expect(log.time(512)).toBeUndefined();
    for (let k = 1024; k < 1537; k += 1) log.append(10 * k, k % 7, k);
    // 700 − 513 is under half the buffer: nothing goes.
    log.trim(700);
    expect(at(log, 600)).toEqual([6000, 600 % 7, 600]);
    // 1,100 − 513 is past half: 513 … 1,099 go, and 1,100 … 1,536 still read.
    log.trim(1100);
    expect(log.time(1099)).toBeUndefined();
    expect(at(log, 1100)).toEqual([11_000, 1100 % 7, 1100]);
    expect(at(log, 1536)).toEqual([15_360, 1536 % 7, 1536]);
  });

  it('a trimmed log that fills its buffer grows from its base', () => {
    const log = filled(1024);
    log.trim(600);
    // 424 held; 600 more fill the 1,024 and grow it.
    for (let k = 1024; k < 2624; k += 1) log.append(10 * k, k % 7, k);
    for (const offset of [600, 1623, 1624, 2623]) expect(at(log, offset)).toEqual([10 * offset, offset % 7, offset]);
  });
});
