import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function fits(screen: string): void {
  for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
}

describe('try it in the simulator, at the end of a framework drill (80×24)', () => {
  it('1.4: "90% cache hits" is read, the run passes, and the result is saved with the attempt', async () => {
    const dataDir = tempDir();
    const session = new TmuxSession(
      `node ${BIN} practice q1-4-p95-latency`,
      { GOCOFFEE_DRILL_HOME: dataDir },
      { columns: 80, rows: 24 },
    );
    sessions.push(session);
    const answers = [
      'Trace the slow requests.',
      'Index the order lookups.',
      'Put Redis in front for 90% cache hits.',
      'Async where possible.',
      'Size the pools.',
      'Alert on the P95.',
    ];
    for (const [i, answer] of answers.entries()) {
      await session.waitFor(`Step ${i + 1}/`, 20_000);
      await session.send(answer, true);
      await session.waitFor(answer.slice(0, 20));
      await session.send('C-d');
    }
    const page = await session.waitFor('try it in the simulator · p95-500ms');
    expect(page).toMatch(/cache-hit +◂ 90% ▸ from your answer: “90% cache hits”/);
    fits(page);
    await session.send('Enter');
    const result = await session.waitFor('enter: back to the levers', 60_000);
    expect(result).toMatch(/PASS · 5 seeds · yours: cache-hit 90%/);
    expect(result).toMatch(/P95 under 100 ms +✗ .* ✓ /);
    fits(result);
    await session.send('C-d');
    const review = await session.waitFor('Rate yourself');
    expect(review).toContain('Your design in the simulator · p95-500ms · 5 seeds · PASS');
    fits(review);
    await session.send('3');
    await session.waitFor('Saved (good)');
    const store = JSON.parse(readFileSync(join(dataDir, 'store.json'), 'utf8'));
    expect(store.attempts[0].simulation).toMatchObject({
      scenario: 'p95-500ms',
      pass: true,
      levers: { 'cache-hit': 90 },
      read: [{ name: 'cache-hit', text: '90% cache hits' }],
    });
  });
});
