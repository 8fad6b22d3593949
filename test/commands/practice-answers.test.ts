import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { drillReducer, startDrill, toAttempt } from '../../src/engine/drill/session.js';
import { loadStoreWriter, openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

beforeAll(async () => {
  await loadStoreWriter();
});

const GATEWAY = 'q1-1-scale-gateway';
const TERSE = [
  'Load-test and measure CPU, memory and downstream latency per hop, because the resource near 100% is the one building the queue.',
  'Scale out, since the gateway is stateless; a bigger machine has a ceiling and is still one point of failure.',
  'A load balancer with least connections and /health checks, so unhealthy instances are taken out of rotation.',
  'Alert on P95 latency and error rate, because those are what customers feel.',
];

function file(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

describe('practice ID --answers FILE', () => {
  it('--json prints exactly the contract: id, score and per step title, score, hit, missed, deductions', async () => {
    const data = tempDir();
    const path = file('a.json', JSON.stringify(TERSE));
    const { code, stdout, stderr } = await runCli([
      'practice',
      GATEWAY,
      '--answers',
      path,
      '--json',
      '--data-dir',
      data,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['id', 'score', 'steps']);
    expect(doc.id).toBe(GATEWAY);
    expect(doc.steps).toHaveLength(4);
    for (const step of doc.steps) {
      expect(Object.keys(step)).toEqual(['title', 'score', 'hit', 'missed', 'deductions']);
      for (const d of step.deductions) expect(Object.keys(d)).toEqual(['reason', 'points']);
    }
    expect(doc.steps[1]).toMatchObject({
      title: 'Choose scaling strategy (horizontal vs vertical)',
      hit: expect.arrayContaining(['horizontal scaling', 'stateless']),
    });
    expect(doc.score).toBe(Math.round(doc.steps.reduce((sum: number, s: { score: number }) => sum + s.score, 0) / 4));
    expect(existsSync(join(data, 'store.json'))).toBe(false);
  });

  it('reads YAML with an answers: key, and explains deductions with their corrections', async () => {
    const path = file(
      'a.yaml',
      'answers:\n  - "No need to measure: it is obviously the CPU."\n  - Buy a bigger machine, because one box is simpler.\n  - null\n  - ""\n',
    );
    const { code, stdout } = await runCli(['practice', GATEWAY, '--answers', path, '--json', '--data-dir', tempDir()]);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.steps[1].deductions).toContainEqual({
      reason: expect.stringMatching(/^recommends scaling up .* — A bigger machine has a ceiling/),
      points: 25,
    });
    expect(doc.steps[0].deductions.map((d: { reason: string }) => d.reason)).toContainEqual(
      expect.stringMatching(/^misconception: no need to measure — Measure first/),
    );
    expect(doc.steps[2]).toMatchObject({ score: 0, hit: [] });
  });

  it('a choice step takes the option number counting from 1; a card step is null', async () => {
    const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
    const q = bank.questions.find((x) => x.id === 'concepts-bottlenecks')!;
    const right = q.steps.map((s) =>
      s.form === 'choice'
        ? (s.answer ?? 0) + 1
        : 'pg_stat_activity shows connections piling up, because queries are slow',
    );
    const { code, stdout } = await runCli([
      'practice',
      q.id,
      '--answers',
      file('c.yaml', JSON.stringify(right)),
      '--json',
      '--data-dir',
      tempDir(),
    ]);
    expect(code).toBe(0);
    const scores = JSON.parse(stdout).steps.map((s: { score: number }) => s.score);
    q.steps.forEach((s, k) => s.form === 'choice' && expect(scores[k]).toBe(100));
    const wrong = right.map((a, k) =>
      q.steps[k].form === 'choice' ? (((q.steps[k].answer ?? 0) + 1) % (q.steps[k].choices?.length ?? 1)) + 1 : a,
    );
    const second = await runCli([
      'practice',
      q.id,
      '--answers',
      file('w.yaml', JSON.stringify(wrong)),
      '--json',
      '--data-dir',
      tempDir(),
    ]);
    q.steps.forEach((s, k) => s.form === 'choice' && expect(JSON.parse(second.stdout).steps[k].score).toBe(0));
  });

  it('--record saves the attempt exactly as the interactive drill would', async () => {
    const data = tempDir();
    const { code } = await runCli([
      'practice',
      GATEWAY,
      '--answers',
      file('a.yaml', JSON.stringify(TERSE)),
      '--record',
      '--data-dir',
      data,
    ]);
    expect(code).toBe(0);
    const attempts = openStore(data).store.data.attempts;
    expect(attempts).toHaveLength(1);
    const q = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] }).questions.find(
      (x) => x.id === GATEWAY,
    )!;
    let state = startDrill(q, 0);
    for (const answer of TERSE)
      state = drillReducer(drillReducer(state, { type: 'set-answer', text: answer }), { type: 'next-step', at: 0 });
    expect(attempts[0]).toEqual({ ...toAttempt(state, attempts[0].at), at: attempts[0].at });
    expect(attempts[0]).toMatchObject({ questionId: GATEWAY, mode: 'practice' });
  });

  it.each([
    [
      'an unknown id',
      ['practice', 'no-such-question', '--answers', 'whatever.yaml'],
      /^gocoffee-drill: practice: no question with id no-such-question/,
    ],
    [
      'an unreadable file',
      ['practice', GATEWAY, '--answers', '/nonexistent/answers.yaml'],
      /^gocoffee-drill: --answers \/nonexistent\/answers.yaml: cannot read the file \(ENOENT\)/,
    ],
    [
      'the wrong number of entries',
      ['practice', GATEWAY, '--answers', 'THREE'],
      /: q1-1-scale-gateway has 4 steps; the file has 3 entries$/,
    ],
    [
      'an entry that is not text, a number or null',
      ['practice', GATEWAY, '--answers', 'OBJECT'],
      /: entry 2 must be text, a number or null$/,
    ],
    [
      'a file that is not a list',
      ['practice', GATEWAY, '--answers', 'MAP'],
      /: must be a list of answers, or a map with an answers: list$/,
    ],
    ['--json without --answers', ['practice', GATEWAY, '--json'], /--json and --record need --answers FILE/],
  ])('%s: one line on stderr, exit 2, nothing stored', async (_name, argv, message) => {
    const data = tempDir();
    const paths: Record<string, string> = {
      THREE: file('3.yaml', '[a, b, c]'),
      OBJECT: file('o.yaml', '[a, {x: 1}, c, d]'),
      MAP: file('m.yaml', 'steps: [a, b, c, d]'),
    };
    const { code, stdout, stderr } = await runCli([...argv.map((a) => paths[a] ?? a), '--record', '--data-dir', data]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
    expect(existsSync(join(data, 'store.json'))).toBe(false);
  });

  it('--record into a data directory that cannot be written still prints the grade, and says the attempt was not saved, exit 1', async () => {
    const notADir = file('store-is-a-file', 'x');
    const { code, stdout, stderr } = await runCli([
      'practice',
      GATEWAY,
      '--answers',
      file('a.json', JSON.stringify(TERSE)),
      '--record',
      '--json',
      '--data-dir',
      notADir,
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).id).toBe(GATEWAY);
    expect(stderr).toMatch(
      /cannot be read \(ENOTDIR\)\. Working in memory; nothing will be saved this session\.\ngocoffee-drill: practice: the attempt was not saved\n$/,
    );
  });

  it('a choice entry outside the options names the step and the range', async () => {
    const { code, stderr } = await runCli([
      'practice',
      'concepts-bottlenecks',
      '--answers',
      file('c.yaml', '[9, 1, 1, text]'),
      '--data-dir',
      tempDir(),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/entry 1: step 1 is a choice; give the option's number, 1 to 4 \(got 9\)/);
  });

  it('without --json prints a readable report with every deduction', async () => {
    const path = file('w.yaml', JSON.stringify(['', 'Scale up to a bigger machine because it is simpler.', '', '']));
    const { code, stdout } = await runCli(['practice', GATEWAY, '--answers', path, '--data-dir', tempDir()]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^q1-1-scale-gateway · Scale the API gateway at 1000 req\/s: \d+\/100/);
    expect(stdout).toContain('Step 2 · Choose scaling strategy (horizontal vs vertical): 0/100');
    expect(stdout).toContain(
      '  −25 recommends scaling up (a bigger machine) as the main fix instead of horizontal scaling — A bigger machine has a ceiling',
    );
  });
});
