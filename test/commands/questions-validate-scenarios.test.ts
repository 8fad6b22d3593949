import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { questionFile } from '../helpers/question-file.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// 50/s on 2 servers of 2 workers, 10 ms each: 12.5% busy, so P95 is a few tens of ms, never 400.
const SCENARIO =
  'name: tiny\nseed: 3\nduration: 5s\ntraffic: { rate: 50 }\nservers:\n  - { count: 2, workers: 2, service: { dist: exponential, mean: 10ms } }\n';

function pack(scenario: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.md'), questionFile('mine'));
  mkdirSync(join(dir, 'scenarios'));
  writeFileSync(join(dir, 'scenarios', 'tiny.yaml'), scenario);
  return dir;
}

describe('questions validate: scenarios and their declared claims', () => {
  it('the built-in bank is clean: every scenario loads and its own run meets its claims', async () => {
    const { code, stdout, stderr } = await runCli(['questions', 'validate', builtinQuestionsDir()]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^\d+ questions OK\n\d+ scenarios OK\n$/);
  });

  it('a claim the run meets is silent', async () => {
    expect(
      await runCli([
        'questions',
        'validate',
        pack(`${SCENARIO}expect: { p95Ms: [0, 100], utilization: [0.05, 0.2] }\n`),
      ]),
    ).toEqual({ code: 0, stdout: '1 question OK\n1 scenario OK\n', stderr: '' });
  });

  it('a claim the run contradicts is a warning naming the file, the metric, the value and the range', async () => {
    const dir = pack(`${SCENARIO}expect: { p95Ms: [400, 600] }\n`);
    const { code, stdout, stderr } = await runCli(['questions', 'validate', dir]);
    expect(code).toBe(0);
    expect(stdout).toBe('1 question OK\n1 scenario OK\n');
    expect(stderr).toMatch(
      new RegExp(
        `^warning: ${join(dir, 'scenarios', 'tiny.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: expect\\.p95Ms: the run \\(seed 3\\) gives \\d+(\\.\\d+)?, outside the declared \\[400, 600\\]\\n$`,
      ),
    );
  });

  it('a malformed claim or a broken scenario is a problem: exit 2', async () => {
    const dir = pack(`${SCENARIO}expect: { p95: [0, 1] }\n`);
    const { code, stderr } = await runCli(['questions', 'validate', dir]);
    expect(code).toBe(2);
    // path:line: field: message (the claim's own line in the file)
    const path = join(dir, 'scenarios', 'tiny.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(stderr).toMatch(new RegExp(`${path}:\\d+: expect\\.p95: unknown metric for a requests scenario`));
    expect(stderr).toContain('1 problem; 1 question OK');
  });

  it('simulate runs a file that declares claims', async () => {
    const { code, stdout } = await runCli([
      'simulate',
      join(pack(`${SCENARIO}expect: { p95Ms: [0, 100] }\n`), 'scenarios', 'tiny.yaml'),
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).scenario).toBe('tiny');
  });
});
