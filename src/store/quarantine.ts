import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import type { QuarantinedEntry } from './validate.js';

/**
 * Append entries that could not be used to the quarantine file (one JSON object a line), synced
 * before the store is rewritten without them, so a bad entry is moved, never dropped.
 */
export function appendQuarantine(path: string, entries: QuarantinedEntry[], at: Date): void {
  const lines = entries.map((entry) => `${JSON.stringify({ quarantinedAt: at.toISOString(), ...entry })}\n`).join('');
  const fd = openSync(path, 'a', 0o600);
  try {
    const bytes = Buffer.from(lines, 'utf8');
    for (let done = 0; done < bytes.length; ) {
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
