import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStoreWriter, openStore } from '../../src/store/store.js';
import { questionFile } from '../helpers/question-file.js';
import { makeAttempt } from '../helpers/questions.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

beforeAll(async () => {
  await loadStoreWriter();
});

describe('questions command', () => {
  it('--json lists the bank with the seed questions and no problems', async () => {
    const { code, stdout } = await runCli(['questions', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.problems).toEqual([]);
    const ids = doc.questions.map((q: { id: string }) => q.id);
    for (const id of ['q1-1-scale-gateway', 'q1-2-uptime-9999', 'q1-3-inventory-consistency', 'q1-4-p95-latency'])
      expect(ids).toContain(id);
  });

  it('validate DIR reports every problem as path:line: field: message and exits 2', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x', 'a.md'), questionFile('a', 'colour: blue\n'));
    writeFileSync(join(dir, 'x', 'b.md'), questionFile('b').replace('minutes: 5', 'minutes: -3'));
    writeFileSync(join(dir, 'x', 'c.md'), questionFile('c'));
    const { code, stderr } = await runCli(['questions', 'validate', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'x', 'a.md')}:10: colour: unknown field`);
    expect(stderr).toContain(`${join(dir, 'x', 'b.md')}:7: minutes: must be a whole number ≥ 1`);
    expect(stderr).toContain('2 problems; 1 question OK');
  });

  it('validate DIR on a good pack says how many are OK', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), questionFile('mine'));
    expect(await runCli(['questions', 'validate', dir])).toEqual({ code: 0, stdout: '1 question OK\n', stderr: '' });
  });

  it('--questions DIR adds a pack; a broken file in it is warned about and skipped', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.md'), questionFile('pack-good'));
    writeFileSync(join(dir, 'bad.md'), '---\nid: [\n---\n');
    const { code, stdout, stderr } = await runCli(['questions', '--questions', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('pack-good');
    expect(stderr).toMatch(/warning: skipped .*bad\.md:\d+: YAML/);
  });

  it('validate without a directory is a usage error', async () => {
    const { code, stderr } = await runCli(['questions', 'validate']);
    expect(code).toBe(2);
    expect(stderr).toContain('questions validate: needs a directory');
  });
});

describe('stats command', () => {
  it('--json reports attempts per item and topic', async () => {
    const dir = tempDir();
    openStore(dir).store.update((d) => {
      d.attempts.push(
        makeAttempt('q1-1-scale-gateway', '2026-01-01T10:00:00.000Z', 40),
        makeAttempt('q1-1-scale-gateway', '2026-01-02T10:00:00.000Z', 75),
      );
    });
    const { code, stdout } = await runCli(['stats', '--json', '--data-dir', dir]);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.attempts).toBe(2);
    expect(stats.items.find((i: { id: string }) => i.id === 'q1-1-scale-gateway')).toMatchObject({
      attempts: 2,
      best: 75,
      latest: 75,
    });
    expect(stats.topics.find((t: { topic: string }) => t.topic === 'scalability')).toMatchObject({
      attempts: 2,
      meanBest: 75,
    });
  });

  it('--json still warns on stderr about a broken pack file, and stdout stays one JSON document', async () => {
    const pack = tempDir();
    writeFileSync(join(pack, 'bad.md'), '---\nid: [\n---\n');
    const { code, stdout, stderr } = await runCli(['stats', '--json', '--questions', pack, '--data-dir', tempDir()]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).attempts).toBe(0);
    expect(stderr).toMatch(/warning: skipped .*bad\.md:\d+: YAML/);
  });

  it('text output says there are no attempts yet', async () => {
    const { stdout } = await runCli(['stats', '--data-dir', tempDir()]);
    expect(stdout).toContain('0 attempts');
    expect(stdout).toContain("No attempts yet: run 'gocoffee-drill practice' to start.");
  });
});

describe('practice command', () => {
  it('an unknown id is a usage error naming it', async () => {
    const { code, stderr } = await runCli(['practice', 'no-such-question'], {
      interactive: true,
      env: { GOCOFFEE_DRILL_HOME: tempDir() },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('practice: no question with id no-such-question');
  });

  it('without a terminal it says what to use instead', async () => {
    const { code, stderr } = await runCli(['practice'], { env: { GOCOFFEE_DRILL_HOME: tempDir() } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs an interactive terminal.*questions --json/);
  });
});
