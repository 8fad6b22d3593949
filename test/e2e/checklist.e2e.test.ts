import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(dataDir: string) {
  const session = new TmuxSession(`node ${BIN}`, { GOCOFFEE_DRILL_HOME: dataDir });
  sessions.push(session);
  return session;
}

/** Move down the home menu until the checklist is selected, then open it. */
async function openChecklist(session: TmuxSession) {
  await session.moveTo('Checklist');
  await session.send('Enter');
}

describe('checklist in a real terminal', () => {
  it('a ticked item is still ticked after quitting and starting again', async () => {
    const dataDir = tempDir();
    const first = start(dataDir);
    await first.waitFor('Checklist 0/20 done');
    await openChecklist(first);
    await first.waitFor('completion checklist');
    await first.moveTo('[ ] Know reliability patterns');
    await first.send('Space');
    await first.waitFor('[x] Know reliability patterns (circuit breaker, retry, timeout)');
    await first.send('q');
    await first.waitFor('[exited 0]');
    expect(Object.keys(JSON.parse(readFileSync(join(dataDir, 'store.json'), 'utf8')).checklist)).toEqual([
      'knowledge-reliability-patterns',
    ]);

    const second = start(dataDir);
    await second.waitFor('Checklist 1/20 done');
    await openChecklist(second);
    const screen = await second.waitFor('completion checklist');
    expect(screen).toContain('[x] Know reliability patterns (circuit breaker, retry, timeout)');
    expect(screen).toContain('[ ] Understand horizontal vs vertical scaling trade-offs');
    await second.send('C-c');
    await second.waitFor('[exited 0]');
  });
});
