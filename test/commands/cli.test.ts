import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { BIN } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp-dir.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('command line', () => {
  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists every command with an example, and the global flags', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    const { commands } = await import('../../src/commands/registry.js');
    for (const command of commands) {
      expect(stdout).toContain(`gocoffee-drill ${command.name}`);
      expect(command.examples.length).toBeGreaterThan(0);
    }
    for (const flag of ['--data-dir', '--questions', '--help', '--version']) expect(stdout).toContain(flag);
  });

  it("COMMAND --help shows that command's flags", async () => {
    const { code, stdout } = await runCli(['checklist', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: gocoffee-drill checklist [--json]');
    expect(stdout).toContain('--json');
  });

  it.each([
    [['--bogus'], /^gocoffee-drill: unknown flag --bogus \(run 'gocoffee-drill --help'/],
    [['frobnicate'], /^gocoffee-drill: unknown command 'frobnicate'/],
    [
      ['checklist', '--jsno'],
      /^gocoffee-drill: checklist: unknown flag --jsno \(see 'gocoffee-drill checklist --help'\)/,
    ],
    [['checklist', 'extra'], /^gocoffee-drill: checklist: unexpected argument extra/],
    [['--data-dir'], /^gocoffee-drill: --data-dir needs a directory/],
  ])('%j is a usage error: one line, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([[[]], [['checklist']]])('interactive %j without a TTY says what to run instead, exit 2', async (argv) => {
    const { code, stderr } = await runCli(argv as string[], { env: { GOCOFFEE_DRILL_HOME: tempDir() } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs an interactive terminal.*checklist --json/);
  });

  it('checklist --json prints one document with sections, items and state', async () => {
    const dir = tempDir();
    const { code, stdout } = await runCli(['checklist', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.sections.map((s: { title: string }) => s.title)).toEqual([
      'Knowledge Mastery',
      'Practical Skills',
      'Go Coffee Analysis',
      'Readiness',
    ]);
    expect(doc.progress).toEqual({ done: 0, total: 20, ratio: 0 });
    expect(doc.sections[0].items[0]).toMatchObject({ id: 'knowledge-scaling', done: false, doneAt: null });
  });

  it('the built binary without a TTY exits 2 with the hint, no raw-mode crash', () => {
    const result = spawnSync('node', [BIN], {
      input: '',
      encoding: 'utf8',
      env: { ...process.env, GOCOFFEE_DRILL_HOME: tempDir() },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).not.toMatch(/Raw mode/);
    expect(result.stderr).toMatch(/needs an interactive terminal/);
    expect(execFileSync('node', [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });
});

describe('large output through a pipe', () => {
  it('a multi-megabyte --json document arrives whole', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const path = join(tempDir(), 'long.yaml');
    // 20,000 simulated seconds → 20,000 timeline rows, well over a megabyte of JSON.
    writeFileSync(
      path,
      'name: long\nduration: 20000s\ntraffic: { rate: 5 }\nservers:\n  - { count: 1, workers: 1, service: { dist: constant, mean: 1ms } }\n',
    );
    const result = spawnSync('node', [BIN, 'simulate', path, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(1_000_000);
    expect(JSON.parse(result.stdout).timeline).toHaveLength(20_000);
  });
});
