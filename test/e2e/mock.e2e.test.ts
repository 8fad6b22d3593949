import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

const SIZE = { columns: 80, rows: 24 };
const ANSWER = 'We need a p95 target and the morning peak';

function start(args: string, dataDir: string): TmuxSession {
  const session = new TmuxSession(`node ${BIN} ${args}`, { GOCOFFEE_DRILL_HOME: dataDir }, SIZE);
  sessions.push(session);
  return session;
}

/** The phase countdown as shown, e.g. "0:12", or "over" once the phase has run over. */
function phaseClock(screen: string): string | undefined {
  return /Phase (\d+:\d\d) left of|Phase (over) by/.exec(screen)?.slice(1).find(Boolean);
}

/** A screen that fits 80×24: the frame's title on the first line and no line cut by the terminal. */
function expectFits(screen: string) {
  const lines = screen.split('\n');
  expect(lines[0]).toMatch(/^gocoffee-drill · /);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(SIZE.columns);
}

async function waitForStore(
  dataDir: string,
  predicate: (data: { mockDraft?: { answers: string[]; usedMs: number[] } }) => boolean,
  timeoutMs = 10_000,
) {
  const path = join(dataDir, 'store.json');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(path)) {
      try {
        if (predicate(JSON.parse(readFileSync(path, 'utf8')))) return;
      } catch {
        // a write in progress; read again
      }
    }
    if (Date.now() > deadline)
      throw new Error(
        `store: timed out; ${existsSync(path) ? readFileSync(path, 'utf8').slice(0, 400) : 'no store.json'}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a timed mock interview in a real 80×24 terminal', () => {
  it('the countdown moves, pauses (answer hidden) and resumes; a phase runs over and is flagged; kill -9 and resume', async () => {
    const dataDir = tempDir();
    const session = start('mock q1-1-scale-gateway --minutes 2', dataDir);
    const first = await session.waitFor(/Phase \d+:\d\d left of 0:14/, 15_000);
    expectFits(first);
    expect(first).toContain('Phase 1/6 · Requirements and scope');
    expect(first).toContain('Total ');
    // The countdown moves, and a tick rewrites the clock line alone: the bytes written while it
    // counts down twice hold the new times but none of the lines that did not change.
    const rendered = await session.waitFor((s) => s.includes('"The Go Coffee API Gateway') && !s.includes('**'));
    const bytes = join(dataDir, 'tty-bytes');
    session.recordOutput(bytes);
    const shown = phaseClock(rendered);
    const next = phaseClock(await session.waitFor((s: string) => phaseClock(s) !== shown));
    await session.waitFor((s: string) => phaseClock(s) !== next);
    session.recordOutput();
    const written = readFileSync(bytes, 'utf8');
    expect(written).toMatch(/Phase \d+:\d\d left of 0:14/);
    for (const unchanged of ['Requirements and scope', 'The Go Coffee API Gateway', 'ctrl+d next phase', '╭──'])
      expect(written).not.toContain(unchanged);

    await session.send(ANSWER, true);
    await session.waitFor(ANSWER);
    await session.send('Escape');
    await session.waitFor('p pause');
    await session.send('p');
    const paused = await session.waitFor('Paused: the clock is stopped');
    expectFits(paused);
    expect(paused).not.toContain(ANSWER);
    expect(paused).toContain('PAUSED');
    // Time stops: the countdown reads the same across a second and a half of watching.
    const frozen = phaseClock(paused);
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      expect(phaseClock(session.screen())).toBe(frozen);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await session.send('p');
    const resumed = await session.waitFor(ANSWER);
    expect(resumed).not.toContain('PAUSED');
    await session.waitFor((s: string) => phaseClock(s) !== frozen);

    // The 14-second phase runs over: flagged and counted, the interview goes on.
    const over = await session.waitFor(/Phase over by \d+:\d\d \(counted\)/, 20_000);
    expectFits(over);
    expect(over).toContain('over-runs 1');
    expect(over).toContain('Phase 1/6');

    // Autosaved within a few seconds; then the process dies without any chance to save.
    await waitForStore(dataDir, (d) => d.mockDraft?.answers[0] === ANSWER && d.mockDraft.usedMs[0] > 14_000);
    process.kill(session.appPid(), 'SIGKILL');
    await session.waitFor('[exited 137]');

    const again = start('mock', dataDir);
    const offer = await again.waitFor('An interrupted mock is waiting: Scale the API gateway at 1000 req/s', 15_000);
    expectFits(offer);
    await again.send('r');
    const back = await again.waitFor('PAUSED');
    expect(back).toContain('Phase 1/6');
    expect(back).toMatch(/Phase over by \d+:\d\d/);
    await again.send('p');
    await again.waitFor(ANSWER);
  }, 90_000);

  it('the home menu opens the mock: least recently practised first, finished mocks in the history with their report', async () => {
    const dataDir = tempDir();
    const strong = fileURLToPath(new URL('../fixtures/mock/q1-1-strong.yaml', import.meta.url));
    const recorded = JSON.parse(
      execFileSync('node', [BIN, 'mock', 'q1-1-scale-gateway', '--answers', strong, '--json', '--record'], {
        encoding: 'utf8',
        env: { ...process.env, GOCOFFEE_DRILL_HOME: dataDir },
      }),
    );
    const session = start('', dataDir);
    await session.waitFor('Mock interview');
    const list = await session.openMenuItem('Mock interview', 'Start: ');
    expectFits(list);
    // 1.1 was just practised, so another question comes first.
    expect(list).toContain('First: the design question you practised least recently');
    expect(list).toMatch(/❯ Start: /);
    expect(list).not.toMatch(/❯ Start: Scale the API gateway/);
    expect(list).toMatch(new RegExp(`Report: .+ · ${recorded.score} ${recorded.band} · Scale the API gateway`));
    await session.send('End');
    await session.moveTo('Report: ');
    await session.send('Enter');
    const report = await session.waitFor(`Overall ${recorded.score}/100 · ${recorded.band} · 45 min`);
    expectFits(report);
    expect(report).toContain('Capacity estimate 100/100 · 5:20 of 5:00 · OVER');
    await session.send('e');
    const wrote = await session.waitFor(/Wrote (\S+\.md)/);
    const path = /Wrote (\S+\.md)/.exec(wrote.replace(/\n/g, ''))![1];
    expect(readFileSync(path, 'utf8')).toContain(`**Overall ${recorded.score}/100 · ${recorded.band}**`);
  }, 60_000);
});
