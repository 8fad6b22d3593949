import { afterEach, describe, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

describe('calculator in a real terminal', () => {
  it('changing the users field changes the peak req/s', async () => {
    const session = new TmuxSession(`node ${BIN} estimate`, { GOCOFFEE_DRILL_HOME: tempDir() });
    sessions.push(session);
    await session.waitFor('Peak rate: 926 req/s');
    await session.send('C-u');
    await session.send('8M', true);
    // 8M orders/day ÷ 86,400 × 40 = 3,703.7 req/s
    await session.waitFor('Peak rate: 3.7k req/s');
    // Opened from the command line, Esc goes to the menu (q is a letter in a field), where q quits.
    await session.press('Escape', 'gocoffee-drill · home');
    await session.press('q', '[exited 0]');
  });
});
