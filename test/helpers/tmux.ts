import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = join(fileURLToPath(new URL('../../bin/gocoffee-drill.js', import.meta.url)));

let counter = 0;

/** A real terminal (tmux, 100×30) running a command, read as a person would read it. */
export class TmuxSession {
  readonly name = `gcd-e2e-${process.pid}-${++counter}`;

  constructor(command: string, env: Record<string, string> = {}) {
    const exports = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    // Keep the pane after the app exits so its last screen can still be read.
    execFileSync('tmux', ['new-session', '-d', '-x', '100', '-y', '30', '-s', this.name, `env ${exports} ${command}; echo "[exited $?]"; sleep 30`]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  /**
   * Send one key (a tmux key name such as Enter, Escape, Space, C-c, or literal text), then wait for
   * its effect instead of a fixed time: for `expect` to be on the screen when given (the screen is
   * returned), else for the screen to change at all (keys that change nothing wait `settleMs`).
   */
  async send(key: string, options: boolean | { literal?: boolean; expect?: string | RegExp; settleMs?: number } = {}): Promise<string> {
    const { literal = false, expect, settleMs = 1000 } = typeof options === 'boolean' ? { literal: options } : options;
    const before = this.screen();
    execFileSync('tmux', ['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), key]);
    if (expect !== undefined) return this.waitFor(expect);
    return this.waitUntil((screen) => screen !== before, settleMs).catch(() => this.screen());
  }

  /** Poll the screen until it shows `text`; fail with the screen after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs = 8000): Promise<string> {
    return this.waitUntil((screen) => (typeof text === 'string' ? screen.includes(text) : text.test(screen)), timeoutMs, String(text));
  }

  private async waitUntil(ok: (screen: string) => boolean, timeoutMs: number, what = 'the screen to change'): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (ok(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`tmux: timed out waiting for ${what}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
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
