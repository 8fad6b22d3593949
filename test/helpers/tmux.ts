import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = join(fileURLToPath(new URL('../../bin/gocoffee-drill.js', import.meta.url)));

let counter = 0;

export interface TmuxOptions {
  /** Terminal size; 100×30 unless given (the brief's checks are at 80×24 and 60×15). */
  columns?: number;
  rows?: number;
}

/** A real terminal (tmux) running a command, read as a person would read it. */
export class TmuxSession {
  readonly name = `gcd-e2e-${process.pid}-${++counter}`;
  readonly columns: number;
  readonly rows: number;

  constructor(command: string, env: Record<string, string> = {}, { columns = 100, rows = 30 }: TmuxOptions = {}) {
    this.columns = columns;
    this.rows = rows;
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    // Keep the pane after the app exits so its last screen can still be read.
    newSession([
      'new-session',
      '-d',
      '-x',
      String(columns),
      '-y',
      String(rows),
      '-s',
      this.name,
      `env ${exports} ${command}; echo "[exited $?]"; sleep 30`,
    ]);
  }

  /** The pid of the command running in the pane (the shell's child), for kill -9 tests. */
  appPid(): number {
    const shell = execFileSync('tmux', ['list-panes', '-t', this.name, '-F', '#{pane_pid}'], {
      encoding: 'utf8',
    }).trim();
    return Number(execFileSync('pgrep', ['-P', shell, '-n'], { encoding: 'utf8' }).trim());
  }

  /** Append everything the app writes from now on to `path` (the raw bytes, escapes included); call again with no path to stop. */
  recordOutput(path?: string): void {
    execFileSync('tmux', ['pipe-pane', '-t', this.name, ...(path ? ['-o', `cat >> ${shellQuote(path)}`] : [])]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  /** The screen with its colour escapes, for NO_COLOR checks. */
  styledScreen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-e', '-t', this.name], { encoding: 'utf8' });
  }

  /**
   * Send one key (a tmux key name such as Enter, Escape, Space, C-c, or literal text), then wait for
   * its effect instead of a fixed time: for `expect` (or `until`) to be on the screen when given (the
   * screen is returned), else for the screen to change at all (keys that change nothing wait `settleMs`).
   */
  async send(
    key: string,
    options: boolean | { literal?: boolean; expect?: string | RegExp; settleMs?: number } = {},
    until?: string | RegExp,
  ): Promise<string> {
    const {
      literal = false,
      expect = until,
      settleMs = 1000,
    } = typeof options === 'boolean' ? { literal: options } : options;
    const before = this.screen();
    execFileSync('tmux', ['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), key]);
    if (expect !== undefined) return this.waitFor(expect);
    return this.waitUntil((screen) => screen !== before, 'the screen to change', settleMs).catch(() => this.screen());
  }

  /** Send keys and wait until the screen shows `until` (no fixed sleep). */
  async press(keys: string | string[], until: string | RegExp, literal = false): Promise<string> {
    this.type(keys, literal);
    return this.waitFor(until);
  }

  /** Send keys without waiting; follow with waitFor or waitUntil. */
  type(keys: string | string[], literal = false): void {
    for (const key of Array.isArray(keys) ? keys : [keys])
      execFileSync('tmux', ['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), key]);
  }

  /**
   * On a list, move the ❯ cursor to the item whose text starts with `label`, pressing Up or Down as
   * the screen shows is needed and confirming each move before the next: a slow machine that draws
   * late (or a line that changes on its own) then cannot make the cursor overshoot. An item not yet
   * on screen (a list that scrolls) is looked for by moving down, then up.
   */
  async moveTo(label: string, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let direction: 'Down' | 'Up' = 'Down';
    for (;;) {
      const screen = this.screen();
      const { cursor, target } = locate(screen, label);
      if (cursor >= 0 && cursor === target) return screen;
      if (Date.now() > deadline) throw new Error(`tmux: no list item "${label}"; screen:\n${screen}`);
      if (target >= 0 && cursor >= 0) direction = target > cursor ? 'Down' : 'Up';
      this.type(direction);
      // Wait for the cursor itself to move (its row, or its line in a list that scrolls under it).
      const line = screen.split('\n')[cursor];
      const moved = await this.waitUntil(
        (now) => {
          const at = locate(now, label).cursor;
          return at !== cursor || now.split('\n')[at] !== line;
        },
        'the cursor to move',
        3000,
      ).catch(() => undefined);
      // At an end of a scrolling list without the item: turn round.
      if (moved === undefined && target < 0) direction = direction === 'Down' ? 'Up' : 'Down';
    }
  }

  /** On a menu, move to the item labelled `label` (see moveTo) and press Enter, then wait for `opened`. */
  async openMenuItem(label: string, opened: string | RegExp): Promise<string> {
    await this.moveTo(label);
    this.type('Enter');
    return this.waitFor(opened);
  }

  /** Wait until the screen shows `text` (or matches it, or satisfies the predicate). */
  async waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (
        typeof text === 'string' ? screen.includes(text) : typeof text === 'function' ? text(screen) : text.test(screen)
      )
        return screen;
      if (Date.now() > deadline) throw new Error(`tmux: timed out waiting for ${String(text)}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Wait until `predicate` holds for the screen (e.g. a line's absence). */
  async waitUntil(predicate: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (predicate(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`tmux: timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  kill(): void {
    try {
      execFileSync('tmux', ['kill-session', '-t', this.name], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The row of the ❯ cursor and of the item starting with `label` in the same column (the cursor's row
 * when it is on the item), or -1 for either not on screen.
 */
function locate(screen: string, label: string): { cursor: number; target: number } {
  const lines = screen.split('\n');
  const cursor = lines.findIndex((line) => /^\s*❯ /.test(line));
  if (cursor < 0) return { cursor, target: -1 };
  const column = lines[cursor]!.indexOf('❯');
  const target = lines.findIndex(
    (line) =>
      line.slice(0, column).trim() === '' &&
      (line[column] === '❯' || line[column] === ' ') &&
      line[column + 1] === ' ' &&
      line.slice(column + 2).startsWith(label),
  );
  return { cursor, target };
}

/**
 * tmux new-session, tried again when it meets a server that is exiting: when the last session of the
 * server is killed (another test file finishing) as this one starts, tmux says "server exited
 * unexpectedly" (seen in a full run); a moment later a new server starts cleanly.
 */
function newSession(args: string[]): void {
  for (let attempt = 1; ; attempt += 1) {
    try {
      execFileSync('tmux', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      return;
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
      if (attempt >= 5 || !/server exited|lost server|no server/.test(stderr)) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200 * attempt);
    }
  }
}
