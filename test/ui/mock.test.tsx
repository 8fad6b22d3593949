import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitForText } from '../helpers/wait-for.js';

/** A clock the test moves by hand. */
function fakeClock(startIso = '2026-11-24T12:00:00.000Z') {
  let t = Date.parse(startIso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

const ANSWER = 'Ask for the p95 target and the morning peak';

describe('the mock interview screen, on a fake clock', () => {
  it('counts down, pauses with the answer hidden, flags the over-run, and records the report at the end (and writes --report)', async () => {
    const clock = fakeClock();
    const reportPath = join(tempDir(), 'mock.md');
    const app = renderApp({ name: 'mock', id: 'q1-1-scale-gateway', minutes: 2, reportPath }, tempDir(), clock.now);
    await waitForText(app.lastFrame, 'Phase 0:14 left of 0:14');
    clock.advance(5_000);
    await waitForText(app.lastFrame, 'Phase 0:09 left of 0:14');
    await app.press(ANSWER);
    await waitForText(app.lastFrame, ANSWER);

    await app.press(KEY.ctrlP);
    await waitForText(app.lastFrame, 'Paused: the clock is stopped');
    expect(app.lastFrame()).not.toContain(ANSWER);
    // Time passes while paused; the resume counts from the resume, so the countdown reads the same.
    clock.advance(60_000);
    await app.press('p');
    await waitForText(app.lastFrame, ANSWER);
    expect(app.lastFrame()).toContain('Phase 0:09 left of 0:14');

    clock.advance(10_000);
    await waitForText(app.lastFrame, 'Phase over by 0:01 (counted)');
    expect(app.lastFrame()).toContain('over-runs 1');

    await app.press(KEY.enter, KEY.ctrlD);
    await waitForText(app.lastFrame, 'Phase 2/6 · Capacity estimate');
    await app.press('peak: 3k req/s', KEY.ctrlD, KEY.ctrlD, KEY.ctrlD, KEY.ctrlD);
    await waitForText(app.lastFrame, 'Phase 6/6');
    await app.press(KEY.ctrlD);
    await waitForText(app.lastFrame, /Overall \d+\/100/, 10_000);
    expect(app.lastFrame()).toContain('Requirements and scope');
    const data = openStore(app.dataDir).store.data;
    expect(data.mockDraft).toBeUndefined();
    expect(data.mocks).toHaveLength(1);
    const report = data.mocks[0].report;
    expect(report.phases[0]).toMatchObject({ usedSeconds: 15, budgetSeconds: 14, overBudget: true, answer: ANSWER });
    expect(report.estimate?.figures[0]).toMatchObject({ key: 'peakRps', guess: 3000, score: 100 });
    await waitForText(app.lastFrame, `Wrote ${reportPath}`);
    expect(readFileSync(reportPath, 'utf8')).toContain(`**Overall ${report.score}/100 · ${report.band}**`);

    // The same answers and times through the headless command give the same figures.
    const answersFile = join(tempDir(), 'answers.json');
    writeFileSync(
      answersFile,
      JSON.stringify({ phases: report.phases.map((p) => ({ answer: p.answer, seconds: p.usedSeconds })) }),
    );
    const headless = await runCli(['mock', 'q1-1-scale-gateway', '--answers', answersFile, '--json', '--minutes', '2']);
    const doc = JSON.parse(headless.stdout);
    expect([doc.score, doc.band]).toEqual([report.score, report.band]);
    expect(
      doc.phases.map((p: { score: number | null; usedSeconds: number; overBudget: boolean }) => [
        p.score,
        p.usedSeconds,
        p.overBudget,
      ]),
    ).toEqual(report.phases.map((p) => [p.score, p.usedSeconds, p.overBudget]));
    expect(doc.estimate).toEqual(report.estimate);
    expect(doc.simulation).toEqual(report.simulation);

    // The weakest concept's drill is one key away: [1] on the report opens it.
    const first = report.practiseNext[0].drills[0];
    for (let i = 0; i < 10 && !(app.lastFrame() ?? '').includes('[1] '); i += 1) await app.press(KEY.pageDown);
    expect(app.lastFrame()).toContain(`[1] ${report.practiseNext[0].concept}: ${first.id}`);
    await app.press('1');
    await waitForText(app.lastFrame, /Step 1\/\d/);
    expect(app.lastFrame()).toContain(`gocoffee-drill · ${first.title}`);
    // Back from the drill: the mock list with this mock in its history, not a new interview.
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, 'First: the design question you practised least recently');
    expect(app.lastFrame()).toMatch(new RegExp(`Report: .+ · ${report.score} ${report.band} · Scale the API gateway`));
  });

  it('when the total runs out the interview ends and keeps the answers', async () => {
    const clock = fakeClock();
    const app = renderApp({ name: 'mock', id: 'q1-4-p95-latency', minutes: 2 }, tempDir(), clock.now);
    await waitForText(app.lastFrame, 'Phase 1/6');
    await app.press(ANSWER);
    await waitForText(app.lastFrame, ANSWER);
    clock.advance(121_000);
    await waitForText(app.lastFrame, /Overall \d+\/100/, 10_000);
    const report = openStore(app.dataDir).store.data.mocks[0].report;
    expect(report.phases[0].answer).toBe(ANSWER);
    expect(report.phases.reduce((n, p) => n + p.usedSeconds, 0)).toBe(120);
  });

  it('an interrupted mock is offered back; r resumes it paused with its answers', async () => {
    const dataDir = tempDir();
    const seeded = openStore(dataDir).store;
    seeded.update(
      (d) =>
        void (d.mockDraft = {
          questionId: 'q1-2-uptime-9999',
          minutes: 45,
          savedAt: '2026-11-24T11:00:00.000Z',
          phase: 1,
          answers: ['what counts as up', 'per year: 52.6 min', '', '', '', ''],
          usedMs: [200_000, 30_000, 0, 0, 0, 0],
        }),
    );
    await seeded.settled();
    const app = renderApp({ name: 'mock' }, dataDir);
    await waitForText(app.lastFrame, 'An interrupted mock is waiting: 99.99% uptime for Go Coffee ordering');
    await app.press('r');
    await waitForText(app.lastFrame, 'PAUSED');
    expect(app.lastFrame()).toContain('Phase 2/6 · Capacity estimate');
    expect(app.lastFrame()).toContain('Phase 4:30 left of 5:00');
    await app.press('p');
    await waitForText(app.lastFrame, 'per year: 52.6 min');
  });
});
