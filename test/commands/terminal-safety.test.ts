import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionFile } from '../helpers/question-file.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { BIN } from '../helpers/tmux.js';

/** Bytes that act on a terminal: C0 but \n and \t, DEL, C1, bidi overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const HOSTILE = [
  'clip\u001b]52;c;ZXZpbA==\u0007.md', // OSC 52: writes the clipboard
  'title\u001b]0;pwned\u0007.md', // sets the window title
  'clear\u001b[2J\u001b[H.md', // clears the screen
  'c1\u009b31m.md', // 8-bit CSI
  'bidi\u202egnp.md', // reads backwards
];

function hostilePack(): string {
  const dir = tempDir('gcd-hostile-');
  mkdirSync(join(dir, 'sub\u001b[31m'));
  for (const name of HOSTILE) writeFileSync(join(dir, name), 'no front matter here\n');
  writeFileSync(join(dir, 'sub\u001b[31m', 'ok.md'), questionFile('hostile-ok'));
  return dir;
}

describe('file names from a pack never reach the terminal raw', () => {
  it.each([
    ['questions validate DIR', (dir: string) => ['questions', 'validate', dir]],
    ['questions --questions DIR', (dir: string) => ['questions', '--questions', dir]],
    ['questions --json --questions DIR', (dir: string) => ['questions', '--json', '--questions', dir]],
    ['stats --questions DIR', (dir: string) => ['stats', '--questions', dir]],
    ['stats --json --questions DIR', (dir: string) => ['stats', '--json', '--questions', dir]],
  ])('%s: no control character on stdout or stderr, each name still recognisable', async (_name, argv) => {
    const dir = hostilePack();
    const { stdout, stderr } = await runCli([...argv(dir), '--data-dir', tempDir()]);
    expect(stdout).not.toMatch(CONTROL);
    expect(stderr).not.toMatch(CONTROL);
    const all = stdout + stderr;
    expect(all).toContain('clip\\u001b]52;c;ZXZpbA==\\u0007.md');
    expect(all).toContain('bidi\\u202egnp.md');
  });

  it('questions validate --json prints one JSON document, only on stdout, with the names exact', async () => {
    const dir = hostilePack();
    const { code, stdout, stderr } = await runCli(['questions', 'validate', dir, '--json']);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(CONTROL);
    const doc = JSON.parse(stdout);
    expect(doc.valid).toBe(false);
    expect(doc.questions).toEqual(['hostile-ok']);
    expect(doc.problems.map((p: { path: string }) => p.path).sort()).toEqual(
      HOSTILE.map((name) => join(dir, name)).sort(),
    );
  });

  it('questions validate --json on a good pack: valid, exit 0', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), questionFile('fine-1'));
    const { code, stdout } = await runCli(['questions', 'validate', dir, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ dir, valid: true, questions: ['fine-1'], problems: [], warnings: [] });
  });
});

describe('a reader that goes away', () => {
  it('EPIPE on stdout: exits 0 without a word on stderr', async () => {
    const child = spawn('node', [BIN, 'questions', '--json'], {
      env: { ...process.env, GOCOFFEE_DRILL_HOME: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
