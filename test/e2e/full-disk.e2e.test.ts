import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
const mounts: string[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.kill());
  for (const dir of mounts.splice(0)) execFileSync('umount', [dir]);
});

/** A 256 KiB tmpfs, when this machine lets us mount one (root in a container that allows it). */
function smallDisk(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = join(tempDir(), 'disk');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

/** Write zeros until the file system says ENOSPC. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

/** Whether a tmpfs can be mounted here; the probe is unmounted at once. */
function probe(): boolean {
  const dir = smallDisk();
  if (dir === undefined) return false;
  execFileSync('umount', [dir]);
  mounts.splice(mounts.indexOf(dir), 1);
  return true;
}

const canMount = probe();

describe('a disk that fills up', () => {
  it.skipIf(!canMount)(
    'a tick on a full disk: old store intact, the failure shown until space returns, then saved',
    async () => {
      const disk = smallDisk()!;
      const attempts = Array.from({ length: 30 }, (_, i) => ({
        questionId: `q${i}`,
        at: '2026-11-24T10:00:00.000Z',
        score: 60,
        steps: [{ answer: 'x'.repeat(300), hit: [], missed: [], hintsUsed: 0, ms: 1 }],
        totalMs: 1,
        mode: 'practice',
      }));
      writeFileSync(
        join(disk, 'store.json'),
        JSON.stringify({ schemaVersion: 1, attempts, drafts: {}, checklist: {}, settings: {} }),
      );
      const before = readFileSync(join(disk, 'store.json'));
      fill(join(disk, 'filler'));

      const app = new TmuxSession(`node ${BIN} checklist`, { GOCOFFEE_DRILL_HOME: disk }, { columns: 80, rows: 24 });
      sessions.push(app);
      await app.waitFor('Overall');
      app.type('Space');
      const screen = await app.waitFor('Not saved');
      expect(screen).toContain('Not saved (the disk is full, ENOSPC): kept in memory, retrying');
      expect(screen).toMatch(/Overall .* 1\/20/); // the tick is kept in memory
      expect(readFileSync(join(disk, 'store.json')).equals(before)).toBe(true);

      // Space comes back: the retry saves the tick and the banner goes.
      rmSync(join(disk, 'filler'));
      await app.waitFor((s) => !s.includes('Not saved'), 12_000);
      const saved = JSON.parse(readFileSync(join(disk, 'store.json'), 'utf8'));
      expect(Object.keys(saved.checklist)).toHaveLength(1);
      expect(saved.attempts).toHaveLength(30);
      app.type('q');
      await app.waitFor('[exited 0]');
    },
  );

  it.skipIf(!canMount)('quitting while the disk is still full names what is not saved and exits 1', async () => {
    const disk = smallDisk()!;
    writeFileSync(join(disk, 'store.json'), JSON.stringify({ schemaVersion: 1, attempts: [], checklist: {} }));
    fill(join(disk, 'filler'));
    const app = new TmuxSession(`node ${BIN} checklist`, { GOCOFFEE_DRILL_HOME: disk }, { columns: 80, rows: 24 });
    sessions.push(app);
    await app.waitFor('Overall');
    app.type('Space');
    await app.waitFor('Not saved');
    app.type('q');
    const screen = await app.waitFor('[exited 1]');
    expect(screen).toContain('not saved: 1 checklist change');
    expect(screen).not.toMatch(/\bSaved\b/);
  });
});
