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

  /** The pid of the command the pane's shell started (the app), for killing it as a crash would. */
  commandPid(): number {
    const shell = execFileSync('tmux', ['list-panes', '-t', this.name, '-F', '#{pane_pid}'], { encoding: 'utf8' }).trim();
    const child = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split('\n')[0];
    return Number(child.trim());
  }

  /** Append everything the app writes from now on to `path` (the raw bytes, escapes included); call again with no path to stop. */
  recordOutput(path?: string): void {
    execFileSync('tmux', ['pipe-pane', '-t', this.name, ...(path ? ['-o', `cat >> ${shellQuote(path)}`] : [])]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], { encoding: 'utf8' });
  }

  /** Send one key (tmux key name such as Enter, Escape, Space, C-c, or literal text with literal=true). */
  async send(key: string, literal = false): Promise<void> {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), key]);
    await new Promise((resolve) => setTimeout(resolve, 120));
  }

  async waitFor(text: string | RegExp | ((screen: string) => boolean), timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : typeof text === 'function' ? text(screen) : text.test(screen)) return screen;
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
