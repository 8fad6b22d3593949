import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

/** Every line of the screen fits 80 columns and the frame fits 24 rows. */
function fits(screen: string): void {
  const lines = screen.split('\n');
  expect(lines.length).toBeLessThanOrEqual(25);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
}

describe('Simulate screen with a dynamics scenario, in a real terminal at 80×24', () => {
  it('menu-cache-stampede: switch single flight on, run, and see the stampede SLO go from ✗ to ✓', async () => {
    const session = new TmuxSession(`node ${BIN}`, { GOCOFFEE_DRILL_HOME: tempDir() }, { columns: 80, rows: 24 });
    sessions.push(session);
    await session.waitFor(/❯ ?Practice/, 20_000);
    await session.openMenuItem('Simulate', 'Built-in scenarios');
    await session.waitFor(/closed-loop-stall +closed-loop · 5 levers/);
    await session.moveTo('menu-cache-stampede ');
    fits(session.screen());
    await session.send('Enter', { expect: /❯ single-flight +◂ off ▸/ });
    fits(session.screen());
    await session.send('Right', { expect: '◂ on ▸' });
    await session.send('Enter', { expect: /Running|PASS|FAIL/ });
    const result = await session.waitFor(/PASS · 5 seeds · yours: single-flight on/, 90_000);
    expect(result).toMatch(/DB peak reads\/s +\d+ ±\d+ +\d+ ±\d+/);
    expect(result).toMatch(/Postgres peak und.*✗ .*✓ /);
    // The first seed's database reads a second, both sides: the stampede's spike, then the coalesced one.
    expect(result).toMatch(/DB reads baseline +\S.* max [\d,]+ reads\/s/);
    expect(result).toMatch(/DB reads yours +\S.* max [\d,]+ reads\/s/);
    fits(result);
    await session.send('Enter', { expect: 'Last runs' });
    await session.waitFor(/PASS single-flight on/);
    await session.send('Escape', { expect: 'Built-in scenarios' });
    await session.send('q', { expect: '[exited 0]' });
  }, 150_000);
});
