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
    execFileSync('tmux', [
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
   * On a menu, move the cursor down to the item labelled `label` (waiting for each move to show) and
   * press Enter: tests find menu items by their label, not their position, so new items move nothing.
   */
  async openMenuItem(label: string, opened: string | RegExp): Promise<string> {
    const on = (screen: string) => screen.split('\n').some((line) => line.startsWith(`❯ ${label}`));
    for (let i = 0; i < 20 && !on(this.screen()); i += 1) {
      const before = this.screen();
      this.type('Down');
      await this.waitFor((screen) => screen !== before, 3000).catch(() => undefined);
    }
    if (!on(this.screen())) throw new Error(`tmux: no menu item "${label}"; screen:\n${this.screen()}`);
    this.type('Enter');
    return this.waitFor(opened);
  }

  /** Wait until the screen shows `text` (or matches it, or satisfies the predicate). */
  async waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs = 8000): Promise<string> {
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
  async waitUntil(predicate: (screen: string) => boolean, what: string, timeoutMs = 8000): Promise<string> {
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
