import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

describe('keys typed while the app starts', () => {
  it('an answer typed before a drill opened on the command line is drawn lands in its answer box (80×24)', async () => {
    const session = new TmuxSession(
      `node ${BIN} practice q1-1-scale-gateway`,
      { GOCOFFEE_DRILL_HOME: tempDir() },
      { columns: 80, rows: 24 },
    );
    sessions.push(session);
    // Sent at once, before the first frame: the drill must be listening when Ink reads them.
    const screen = await session.send('measure first', { literal: true, expect: /│measure first/ });
    expect(screen).toContain('Step 1/4');
  });
});
