import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

describe('a terminal with CI variables exported', () => {
  // Ink draws nothing until exit when it believes it runs in CI; a person in a dev container
  // with CI=true in the shell must still see the app.
  it('still draws the home screen and takes keys', async () => {
    const session = new TmuxSession(`node ${BIN}`, {
      GOCOFFEE_DRILL_HOME: tempDir(),
      CI: 'true',
      CONTINUOUS_INTEGRATION: '1',
    });
    sessions.push(session);
    const home = await session.waitFor('Checklist 0/20 done');
    expect(home).toContain('gocoffee-drill');
    await session.send('?');
    await session.waitFor('Moving (this screen)');
    await session.send('q');
    await session.waitFor('[exited 0]');
  });
});
