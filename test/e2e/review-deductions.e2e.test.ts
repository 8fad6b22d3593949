import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

describe('the drill review at 80×24', () => {
  it('shows every deduction with its reason and correction, scrolls to the rest, and fits the screen', async () => {
    const session = new TmuxSession(
      `node ${BIN} practice q1-1-scale-gateway`,
      { GOCOFFEE_DRILL_HOME: tempDir() },
      { columns: 80, rows: 24 },
    );
    sessions.push(session);
    const answers = [
      'Skip measuring, it is obviously the CPU.',
      'Bigger machines first: one large instance is simpler to run.',
      'Use sticky sessions.',
      'Watch the average latency.',
    ];
    for (const [i, answer] of answers.entries()) {
      await session.waitFor(`Step ${i + 1}/4`);
      await session.send(answer, true);
      await session.waitFor(answer.slice(0, 20));
      await session.send('C-d');
    }
    // Past the try-it page (no run) to the review.
    await session.waitFor('try it in the simulator');
    await session.send('C-d');
    const review = await session.waitFor('Rate yourself');
    expect(review).toContain('Overall 0/100');
    expect(review).toContain('−20 misconception: obviously the cpu');
    expect(review).toContain('→ Measure first.');
    const lines = review.replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    // Page down until step 2's deductions show, each time waiting for the scroll position to move.
    for (let i = 0; i < 8 && !session.screen().includes('→ A bigger machine has a ceiling'); i += 1) {
      const left = /↓ (\d+) more lines/.exec(session.screen())?.[1];
      await session.send('NPage');
      await session.waitFor(new RegExp(`↓ (?!${left} )\\d+ more lines|top ↑`));
    }
    const next = await session.waitFor('→ A bigger machine has a ceiling');
    expect(next).toContain('−25 recommends scaling up (a bigger machine)');
  });
});
