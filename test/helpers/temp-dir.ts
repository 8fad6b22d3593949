import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

const made: string[] = [];
const leftover: string[] = [];

/** A fresh temp directory, removed after the current test. */
export function tempDir(prefix = 'gocoffee-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

function remove(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    return true;
  } catch {
    return false;
  }
}

// An app still closing (a tmux session just killed saves on SIGHUP) may write one more file while
// its directory is removed; cleanup is not what a test checks, so such a directory is tried again
// once the file's tests are done.
afterEach(() => {
  for (const dir of made.splice(0)) if (!remove(dir)) leftover.push(dir);
});

afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, leftover.length > 0 ? 1000 : 0));
  for (const dir of leftover.splice(0)) remove(dir);
});
