import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeHistoryStore } from '../helpers/history-store.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

function start(dataDir: string) {
  const session = new TmuxSession(`node ${BIN}`, { GOCOFFEE_DRILL_HOME: dataDir }, { columns: 80, rows: 24 });
  sessions.push(session);
  return session;
}

/** Move down the home menu until `label` is selected, then open it. */
async function openFromHome(session: TmuxSession, label: string) {
  await session.waitFor('due for review');
  await session.moveTo(label);
  await session.send('Enter');
}

/** The whole frame is on an 80×24 screen: title on the first line, key hints present, nothing wider. */
function expectFits(screen: string) {
  const lines = screen.split('\n');
  expect(lines[0]).toMatch(/^gocoffee-drill · /);
  expect(lines.every((line) => [...line].length <= 80)).toBe(true);
  // The footer always ends with the help key.
  expect(screen).toMatch(/\?(\/ctrl\+g)? keys/);
}

describe('review and stats in a real 80×24 terminal', () => {
  it('Review runs a due step, grades it and reschedules it by its score band', async () => {
    const dataDir = tempDir();
    writeHistoryStore(dataDir);
    const session = start(dataDir);
    await session.waitFor(/10 steps due for review|\d+ steps due for review/);
    await openFromHome(session, 'Review');
    const step = await session.waitFor(/Review 1\/\d+ · \w+/);
    expectFits(step);
    await session.send('Alert on P95 latency and the error rate, because users feel them first', true);
    await session.waitFor('because users feel them first');
    await session.send('C-d');
    const result = await session.waitFor('Rescheduled as');
    expectFits(result);
    const [, rating, score] = /Rescheduled as (\w+) \(score (\d+)/.exec(result) ?? [];
    const stored = JSON.parse(readFileSync(join(dataDir, 'store.json'), 'utf8')).reviews;
    expect(stored).toHaveLength(2); // the fixture's step review, then this one
    expect(stored[1]).toMatchObject({
      rating,
      score: Number(score),
      answer: 'Alert on P95 latency and the error rate, because users feel them first',
    });
    const n = Number(score);
    expect(rating).toBe(n < 40 ? 'again' : n < 65 ? 'hard' : n < 85 ? 'good' : 'easy');
    await session.send('Enter');
    await session.waitFor('Review 2/');
    await session.send('Escape');
    await session.waitFor('· home');
    await session.send('q');
    await session.waitFor('[exited 0]');
  });

  it('Stats shows trends, misses and the checklist within 80×24', async () => {
    const dataDir = tempDir();
    writeHistoryStore(dataDir);
    const session = start(dataDir);
    await openFromHome(session, 'Stats');
    const screen = await session.waitFor('Score trend by topic');
    expectFits(screen);
    expect(screen).toContain('3 attempts · streak');
    expect(screen).toMatch(/scalability\s+▅\s+latest 50/);
    expect(screen).toMatch(/consistency\s+▄\s+latest 40/);
    expect(screen).toContain('Concepts missed most');
    expect(screen).toMatch(/1× autoscaling/);
    await session.send('PageDown');
    const more = await session.waitFor('Checklist by section');
    expect(more).toMatch(/Knowledge Mastery\s+██░░░ 2\/5/);
    await session.send('q');
    await session.waitFor('[exited 0]');
  });

  it('History opens an old attempt again with its answers and scores', async () => {
    const dataDir = tempDir();
    writeHistoryStore(dataDir);
    const session = start(dataDir);
    await openFromHome(session, 'History');
    const list = await session.waitFor('entries');
    expectFits(list);
    // Newest first: the CAP cards, the inventory attempt, the step review, then the gateway attempt.
    await session.moveTo('2026-11-01 10:00 practice');
    await session.waitFor(/❯ 2026-11-01 10:00 practice\s+50/);
    await session.send('Enter');
    const entry = await session.waitFor('Your answer');
    expectFits(entry);
    expect(entry).toContain('Step 1 · Identify the bottleneck');
    expect(entry).toContain('Measure CPU, memory, "db" and network, then decide');
    expect(entry).toContain('✗ memory');
  });
});
