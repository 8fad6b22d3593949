import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

const ID = 'q1-1-scale-gateway';

function start(dataDir: string): TmuxSession {
  const session = new TmuxSession(
    `node ${BIN} practice ${ID}`,
    { GOCOFFEE_DRILL_HOME: dataDir },
    { columns: 80, rows: 24 },
  );
  sessions.push(session);
  return session;
}

/** The draft as saved on disk, once the autosave has written `text` into it. */
async function draftOnDisk(dataDir: string, text: string): Promise<{ stepIndex: number; answers: string[] }> {
  const path = join(dataDir, 'store.json');
  for (let i = 0; i < 200; i += 1) {
    if (existsSync(path)) {
      const draft = JSON.parse(readFileSync(path, 'utf8')).drafts?.[ID];
      if (draft?.answers.some((a: string) => a.includes(text))) return draft;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no draft holding "${text}" was saved`);
}

describe('a drill killed while typing', () => {
  it('kill -9 on step 2: the restart offers the draft back at that step with both answers', async () => {
    const dataDir = tempDir();
    const first = start(dataDir);
    await first.waitFor('Step 1/4');
    first.type('measure with pprof first', true);
    await first.waitFor('measure with pprof first');
    first.type('C-d');
    await first.waitFor('Step 2/4');
    first.type('scale out the statele', true);
    await first.waitFor('scale out the statele');
    // Nothing was submitted or left: only the autosave can have written this.
    const draft = await draftOnDisk(dataDir, 'scale out the statele');
    expect(draft.stepIndex).toBe(1);
    expect(draft.answers.slice(0, 2)).toEqual(['measure with pprof first', 'scale out the statele']);
    process.kill(first.appPid(), 'SIGKILL');
    await first.waitFor('[exited 137]');

    const second = start(dataDir);
    const screen = await second.waitFor('Resumed your draft');
    expect(screen).toContain('Step 2/4');
    expect(screen).toContain('scale out the statele');
    second.type('C-c');
    await second.waitFor('[exited 0]');
  });
});
