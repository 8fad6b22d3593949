import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStoreWriter, openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const STRONG = fileURLToPath(new URL('../fixtures/mock/q1-1-strong.yaml', import.meta.url));
const LIST = fileURLToPath(new URL('../fixtures/mock/keyword-list.yaml', import.meta.url));
const ID = 'q1-1-scale-gateway';

beforeAll(async () => {
  await loadStoreWriter();
});

describe('mock ID --answers FILE --json: the headless contract', () => {
  it('prints exactly { id, minutes, score, band, phases[{ name, budgetSeconds, usedSeconds, overBudget, score, deductions, missed }], estimate, simulation }', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(['mock', ID, '--answers', STRONG, '--json', '--data-dir', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['id', 'minutes', 'score', 'band', 'phases', 'estimate', 'simulation']);
    expect(doc).toMatchObject({ id: ID, minutes: 45 });
    expect(['strong hire', 'hire', 'lean no', 'no hire']).toContain(doc.band);
    expect(doc.phases.map((p: { name: string }) => p.name)).toEqual([
      'requirements',
      'estimate',
      'api-data-model',
      'high-level-design',
      'deep-dive',
      'follow-up',
    ]);
    for (const p of doc.phases)
      expect(Object.keys(p)).toEqual([
        'name',
        'budgetSeconds',
        'usedSeconds',
        'overBudget',
        'score',
        'deductions',
        'missed',
      ]);
    expect(doc.phases[1]).toMatchObject({ budgetSeconds: 300, usedSeconds: 320, overBudget: true });
    expect(doc.estimate.figures.map((f: { key: string; guess: number }) => [f.key, f.guess])).toEqual([
      ['peakRps', 3000],
      ['serversNeeded', 11],
      ['inFlight', 600],
    ]);
    expect(doc.simulation).toMatchObject({
      scenario: 'gateway-1000rps',
      pass: true,
      slo: { p95Ms: 250, errorRate: 0.01 },
    });
    // Without --record nothing is stored.
    expect(existsSync(join(dir, 'store.json'))).toBe(false);
  });

  it.each([2, 7, 13, 31, 45, 90])('--minutes %i: budgets sum to minutes × 60', async (minutes) => {
    const { code, stdout } = await runCli([
      'mock',
      ID,
      '--answers',
      LIST,
      '--json',
      '--minutes',
      String(minutes),
      '--data-dir',
      tempDir(),
    ]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.minutes).toBe(minutes);
    expect(doc.phases.reduce((n: number, p: { budgetSeconds: number }) => n + p.budgetSeconds, 0)).toBe(minutes * 60);
  });

  it('a keyword list scores at most 30, no hire', async () => {
    const doc = JSON.parse((await runCli(['mock', ID, '--answers', LIST, '--json'])).stdout);
    expect(doc.score).toBeLessThanOrEqual(30);
    expect(doc.band).toBe('no hire');
  });

  it('--record keeps the mock in the history with the same figures; --report writes the Markdown of the same report', async () => {
    const dir = tempDir();
    const md = join(dir, 'report.md');
    const { code, stdout } = await runCli([
      'mock',
      ID,
      '--answers',
      STRONG,
      '--json',
      '--record',
      '--report',
      md,
      '--data-dir',
      dir,
    ]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const stored = openStore(dir).store.data.mocks;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ questionId: ID, minutes: 45, report: { score: doc.score, band: doc.band } });
    expect(stored[0].report.phases.map((p) => p.score)).toEqual(doc.phases.map((p: { score: number }) => p.score));
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`**Overall ${doc.score}/100 · ${doc.band}**`);
    expect(text).toContain('| Capacity estimate | 5:20 / 5:00 **over** | 100 |');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['not a mapping', '- a\n- b\n', /: \(document\): must be a mapping with a phases list$/],
    [
      'five phases',
      `phases:\n${'  - { answer: x, seconds: 1 }\n'.repeat(5)}`,
      /: phases: has 5 entries; a mock has 6 phases/,
    ],
    [
      'negative seconds',
      `phases:\n${'  - { answer: x, seconds: 1 }\n'.repeat(5)}  - { answer: x, seconds: -4 }\n`,
      /: phases\[5\]\.seconds: must be a number of seconds ≥ 0/,
    ],
    [
      'answer not text',
      `phases:\n  - { answer: [a], seconds: 1 }\n${'  - { answer: x, seconds: 1 }\n'.repeat(5)}`,
      /: phases\[0\]\.answer: must be text/,
    ],
    [
      'unknown field',
      `phases:\n  - { answer: x, seconds: 1, score: 100 }\n${'  - { answer: x, seconds: 1 }\n'.repeat(5)}`,
      /: phases\[0\]\.score: unknown field/,
    ],
    ['not YAML', 'phases: [ { answer: "x", seconds: 1 \n', /: not valid YAML or JSON/],
  ];
  it.each(bad)('a bad file (%s): one line on stderr, exit 2, nothing stored', async (_name, content, message) => {
    const dir = tempDir();
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, content);
    const { code, stdout, stderr } = await runCli([
      'mock',
      ID,
      '--answers',
      file,
      '--json',
      '--record',
      '--data-dir',
      dir,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr.split(' (see')[0]).toMatch(message);
    expect(readdirSync(dir)).toEqual(['answers.yaml']);
  });

  it.each([
    [
      ['mock', ID, '--answers', '/nonexistent/answers.yaml', '--json'],
      /--answers \/nonexistent\/answers\.yaml: cannot read \(ENOENT\)/,
    ],
    [['mock', ID, '--answers', LIST, '--json', '--minutes', '1'], /--minutes 1: must be a whole number from 2 to 180/],
    [['mock', ID, '--answers', LIST, '--json', '--minutes', '7.5'], /--minutes 7\.5: must be a whole number/],
    [
      ['mock', 'est-go-coffee-orders', '--answers', LIST, '--json'],
      /est-go-coffee-orders is a drill of kind estimation; a mock interview takes a design question/,
    ],
    [['mock', 'nope', '--answers', LIST, '--json'], /no question with id nope/],
    [['mock', '--answers', LIST, '--json'], /--answers needs a question id/],
    [['mock', ID, '--json'], /--json needs --answers FILE/],
  ])('%j: exit 2 with one line', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('without a terminal the interactive mock says what to run instead', async () => {
    const { code, stderr } = await runCli(['mock', ID]);
    expect(code).toBe(2);
    expect(stderr).toContain('mock ID --answers FILE --json');
  });
});
