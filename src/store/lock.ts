import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { errno } from './durable-write.js';

/** A lock older than this is left over from a process that died holding it (kill -9, power loss). */
const STALE_MS = 30_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Run `fn` while holding an exclusive lock file (created with O_EXCL, which every local file system
 * makes atomic). Saves hold it for a few milliseconds: the re-read, the merge and the write. A lock
 * whose process is gone, or older than 30 s, is broken. Waits up to `timeoutMs`, then throws EBUSY.
 */
export function withLock<T>(lockPath: string, fn: () => T, timeoutMs: number, now = () => Date.now()): T {
  const deadline = now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      try {
        writeSync(fd, `${process.pid} ${now()}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      if (holder && isStale(holder, now())) breakLock(lockPath);
      else if (now() > deadline)
        throw errno('EBUSY', `the store is locked by process ${holder?.pid ?? '?'} (${lockPath})`);
      else Atomics.wait(sleeper, 0, 0, 2 + Math.floor(Math.random() * 8));
    }
  }
  try {
    return fn();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // broken by another process as stale; nothing of ours to remove
    }
  }
}

function readHolder(lockPath: string): { pid: number; since: number } | undefined {
  try {
    const [pid, since] = readFileSync(lockPath, 'utf8').trim().split(' ').map(Number);
    if (Number.isInteger(pid) && pid > 0 && Number.isFinite(since)) return { pid, since };
    // Empty: being written this moment, or its writer died between create and write.
    return { pid: 0, since: statSync(lockPath).mtimeMs };
  } catch {
    return undefined;
  }
}

function isStale(holder: { pid: number; since: number }, at: number): boolean {
  if (at - holder.since > STALE_MS) return true;
  if (holder.pid === 0) return at - holder.since > 2_000;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Rename first so that of several processes breaking the same lock, only one removes it. */
function breakLock(lockPath: string): void {
  const aside = `${lockPath}.stale.${process.pid}`;
  try {
    renameSync(lockPath, aside);
    unlinkSync(aside);
  } catch {
    // another process broke it first
  }
}
