import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, TmuxSession } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const sessions: TmuxSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.kill()));

const SIZES = [
  [80, 24],
  [60, 15],
] as const;

function start(args: string, columns: number, rows: number, env: Record<string, string> = {}): TmuxSession {
  const session = new TmuxSession(`node ${BIN} ${args}`, { GOCOFFEE_DRILL_HOME: tempDir(), ...env }, { columns, rows });
  sessions.push(session);
  return session;
}

/**
 * The screen is whole: the title on the first row, the key hints (always with `?`) on the last row
 * the frame may use (rows − 1; Ink clears everything past it), and no row wider than the terminal.
 */
function expectWhole(screen: string, session: TmuxSession, title: string): string[] {
  const lines = screen.replace(/\n$/, '').split('\n');
  expect(lines[0]).toContain(`gocoffee-drill · ${title}`);
  expect(lines[session.rows - 2]).toMatch(/\? ?(\/ctrl\+g )?keys$/);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(session.columns);
  return lines;
}

describe.each(SIZES)('every screen whole at %i×%i', (columns, rows) => {
  it('home: every menu item on a row of its own, after the due count has joined the status line', async () => {
    const session = start('', columns, rows);
    const screen = await session.waitFor(/due( for review)?\n/);
    const lines = expectWhole(screen, session, 'home');
    // Each item starts its own row (a row drawn over another, as Yoga shrinks an overfull body, breaks this).
    for (const label of ['Practice', 'Review', 'Mock interview', 'Capacity calculator', 'Simulate', 'Checklist'])
      expect(lines.filter((line) => line.startsWith(`❯ ${label}`) || line.startsWith(`  ${label}`))).toHaveLength(1);
    expect(lines[1] === '' ? lines[2] : lines[1]).toMatch(/^System design on Go Coffee/);
    const moved = await session.moveTo('Checklist');
    expectWhole(moved, session, 'home');
  });

  it('calculator: the title stays while the focus walks down to the last field', async () => {
    const session = start('estimate', columns, rows);
    expectWhole(await session.waitFor('Peak rate: 926 req/s'), session, 'capacity calculator');
    // Shift+tab from the first field wraps to the last (MTTR), far below the first screenful.
    const last = await session.press('BTab', 'field 20/20');
    expectWhole(last, session, 'capacity calculator');
    expect(last).toMatch(/❯ MTTR/);
    const back = await session.press('Tab', 'field 1/20');
    expect(back).toMatch(/❯ Daily active users/);
  });

  /** The screen once three reads 250 ms apart agree (the clock's seconds aside). */
  async function settled(session: TmuxSession): Promise<string> {
    const strip = (screen: string) => screen.replace(/\d+:\d\d \/ \d+:\d\d/, '');
    let previous = '';
    let same = 0;
    for (let i = 0; i < 40 && same < 2; i += 1) {
      const screen = strip(session.screen());
      same = screen === previous ? same + 1 : 0;
      previous = screen;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return session.screen();
  }

  it('code drill: code on the first screen, a long line wrapped with ↪, pgdn moves a page', async () => {
    const session = start('practice code-consumer-retry', columns, rows);
    // At 24 rows the first screen already shows code; at 15 it shows the prompt and pgdn reaches the code.
    await session.waitFor(rows >= 24 ? 'func (w *Worker) processMessage' : /↓ \d+ more lines/);
    // The prompt's Markdown renders a moment after the first frame and can change the window: read it once settled.
    const first = await settled(session);
    expectWhole(first, session, "Code: the consumer's retry loop");
    const below = (s: string) => Number(/↓ (\d+) more lines/.exec(s)?.[1] ?? 0);
    const firstLines = first.split('\n');
    const window =
      firstLines.findIndex((l) => /↓ \d+ more lines/.test(l)) -
      (firstLines.findIndex((l) => l.startsWith('Step 1/2')) + 1);
    const more = below(first);
    session.type('NPage');
    await session.waitUntil((s) => below(s) < more, 'pgdn to move');
    const after = await settled(session);
    expectWhole(after, session, "Code: the consumer's retry loop");
    // A page is the window less one row of overlap (or what is left).
    expect(more - below(after)).toBe(Math.min(more, window - 1));
    for (let i = 0; i < 6 && !session.screen().includes('↪'); i += 1) {
      const left = below(session.screen());
      session.type('NPage');
      await session.waitUntil((s) => below(s) < left || s.includes('end ·'), 'the next page');
    }
    expect(session.screen()).toContain('↪');
  });

  it('practice list: columns that fit the width', async () => {
    const session = start('', columns, rows);
    await session.waitFor('Checklist 0/20 done');
    const list = await session.press('Enter', 'all topics · all kinds');
    const lines = expectWhole(list, session, 'practice');
    const heading = lines.find((l) => l.trim().startsWith('question'))!;
    expect(heading).toMatch(/best +why$/);
    if (columns >= 70) expect(heading).toContain('kind');
    else expect(heading).not.toContain('kind');
    expect(lines.some((l) => l.startsWith('❯● Scale the API gateway'))).toBe(true);
  });

  it('help: every key, page by page, over the home screen', async () => {
    const session = start('', columns, rows);
    await session.waitFor('Checklist 0/20 done');
    let seen = await session.press('?', 'Moving (this screen)');
    expectWhole(seen, session, 'keys');
    const more = (s: string) => /↓ (\d+) more/.exec(s)?.[1];
    for (let i = 0; i < 25 && !session.screen().includes('end (pgup'); i += 1) {
      const left = more(session.screen());
      session.type('NPage');
      const page = await session.waitUntil((s) => more(s) !== left, 'the next page');
      expectWhole(page, session, 'keys');
      seen += page;
    }
    expect(session.screen()).toContain('end (pgup');
    for (const text of [
      'quit (progress is saved)',
      'next field',
      'cursor left',
      'rate: easy',
      'tick / untick the item',
    ])
      expect(seen).toContain(text);
    await session.press('Escape', 'Checklist 0/20 done');
  });
});

describe('input in a real terminal', () => {
  it('"abc" and two backspaces in one write leave "a"; Esc on home stays and says q quits', async () => {
    const session = start('practice q1-1-scale-gateway', 80, 24);
    await session.waitFor('Step 1/4');
    await session.press('abc\u007f\u007f', /│a +│/, true);
    expect(session.screen()).not.toMatch(/│abc/);
  });

  it('Esc on the home screen does not quit', async () => {
    const session = start('', 80, 24);
    await session.waitFor('Checklist 0/20 done');
    await session.press('Escape', 'Nothing to go back to: q quits');
    await session.press('q', '[exited 0]');
  });
});

describe('no idle redraws', () => {
  it('a drill left alone rewrites only its clock line, never the whole screen', async () => {
    const dir = tempDir();
    const log = join(dir, 'pane.log');
    const session = start('practice q1-1-scale-gateway', 80, 24);
    await session.waitFor('Step 1/4');
    // Let the first frames (and the Markdown renderer's) settle, then record what the app writes.
    await session.waitUntil((s) => /0:0[2-9]/.test(s), 'the clock to pass 0:02');
    execFileSync('tmux', ['pipe-pane', '-t', session.name, '-o', `cat >> ${log}`]);
    const from = /(\d+):(\d\d) \/ 15:00/.exec(session.screen())!;
    const startSec = Number(from[1]) * 60 + Number(from[2]);
    await session.waitUntil((s) => {
      const now = /(\d+):(\d\d) \/ 15:00/.exec(s);
      return now !== null && Number(now[1]) * 60 + Number(now[2]) >= startSec + 2;
    }, 'two clock ticks');
    execFileSync('tmux', ['pipe-pane', '-t', session.name]);
    const written = readFileSync(log, 'latin1');
    expect(written).toMatch(/\d:\d\d \/ 15:00/);
    // Neither a clear-screen nor any other line of the frame (title, step title, footer) was rewritten.
    expect(written).not.toContain('\u001b[2J');
    expect(written).not.toContain('gocoffee-drill');
    expect(written).not.toContain('Identify the bottleneck');
    expect(written).not.toContain('ctrl+d done');
  });
});

describe('NO_COLOR', () => {
  it.each([
    [{ NO_COLOR: '1' }, false],
    [{}, true],
  ])('%j: colour %s', async (env, coloured) => {
    const session = start('', 80, 24, env);
    await session.waitFor('Checklist 0/20 done');
    // Foreground colours 30–37 and 90–97 (bold and dim are not colour and stay).
    expect(/\u001b\[(?:[0-9;]*;)?(3[0-7]|9[0-7])(?:;[0-9;]*)?m/.test(session.styledScreen())).toBe(coloured);
  });
});
