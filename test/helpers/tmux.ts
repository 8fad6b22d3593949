import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = join(fileURLToPath(new URL('../../bin/gocoffee-drill.js', import.meta.url)));

let counter = 0;

/** A real terminal (tmux, 100×30 unless `size` says otherwise) running a command, read as a person would read it. */
export class TmuxSession {
  readonly name = `gcd-e2e-${process.pid}-${++counter}`;

  constructor(command: string, env: Record<string, string> = {}, size: { columns: number; rows: number } = { columns: 100, rows: 30 }) {
    const exports = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    // Keep the pane after the app exits so its last screen can still be read.
    execFileSync('tmux', ['new-session', '-d', '-x', String(size.columns), '-y', String(size.rows), '-s', this.name, `env ${exports} ${command}; echo "[exited $?]"; sleep 30`]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  /** Send one key (tmux key name such as Enter, Escape, Space, C-c, or literal text with literal=true). */
  async send(key: string, literal = false): Promise<void> {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), key]);
    await new Promise((resolve) => setTimeout(resolve, 120));
  }

  async waitFor(text: string | RegExp, timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`tmux: timed out waiting for ${String(text)}; screen:\n${screen}`);
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
