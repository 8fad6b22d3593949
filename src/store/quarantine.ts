import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { QuarantinedEntry } from './validate.js';

/**
 * Append entries that could not be used to the quarantine file (one JSON object a line), synced
 * before the store is rewritten without them, so a bad entry is moved, never dropped.
 */
export function appendQuarantine(
  path: string,
  entries: QuarantinedEntry[],
  at: Date,
  wholeFile: string | undefined,
): void {
  const lines = entries.map((entry) => `${quarantineLine(entry, at, wholeFile)}\n`).join('');
  const fd = openSync(path, 'a', 0o600);
  try {
    const bytes = Buffer.from(lines, 'utf8');
    for (let done = 0; done < bytes.length;) {
      const n = writeSync(fd, bytes, done, bytes.length - done);
      if (n <= 0) throw Object.assign(new Error(`ENOSPC: wrote ${done} of ${bytes.length} bytes`), { code: 'ENOSPC' });
      done += n;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** "2 entries (attempts[1]: expected an object; drafts: expected an object)". */
export function summarize(entries: QuarantinedEntry[]): string {
  const shown = entries.slice(0, 3).map((e) => `${e.where}: ${e.problem}`);
  if (entries.length > 3) shown.push(`${entries.length - 3} more`);
  return `${entries.length} unusable entr${entries.length === 1 ? 'y' : 'ies'} (${shown.join('; ')})`;
}

/** Whether a value can be written as one JSON line (a value nested 100,000 deep overflows the stack). */
export function writable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

function quarantineLine(entry: QuarantinedEntry, at: Date, wholeFile: string | undefined): string {
  const value = writable(entry.value)
    ? entry.value
    : { unwritable: `too deep to write here; the file as it was is at ${wholeFile}` };
  return JSON.stringify({ quarantinedAt: at.toISOString(), ...entry, value });
}
