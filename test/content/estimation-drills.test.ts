import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank, validateQuestionDir } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { scoreStep } from '../../src/engine/drill/scoring/score.js';
import { tempDir } from '../helpers/temp-dir.js';

const builtinDir = builtinQuestionsDir();
const bank = loadQuestionBank({ builtinDir, extraDirs: [] });
const q = (id: string) => bank.questions.find((x) => x.id === id)!;

function estimationFile(extra: string): string {
  return `---\nid: est-x\ntitle: X\ntopic: performance\nkind: estimation\ndifficulty: easy\nminutes: 3\nchecklist: [readiness-estimation]\nprompt: P\n${extra}---\n`;
}

describe('estimation drills', () => {
  it('the bank has at least 8, each step made from an asked result', () => {
    const drills = bank.questions.filter((x) => x.kind === 'estimation');
    expect(drills.length).toBeGreaterThanOrEqual(8);
    for (const d of drills) expect(d.steps.map((s) => s.estimate?.key)).toEqual(d.estimate!.ask);
  });

  it.each([
    // 2M / 86,400 = 23.15 req/s; × 40 = 925.9; ceil(925.9 / 280) = 4; N+1 = 5
    ['est-go-coffee-orders', [23.148, 925.926, 4, 5]],
    // 100M × 1 / 86,400 × 3 = 3,472.2 peak; writes 1/101 of it = 34.38; 1M writes/day × 500 B = 5e8 B/day; × 1825 d × 3 = 2.7375e12
    ['est-url-shortener', [3472.222, 34.378, 4.9505e8, 2.7104e12]],
    // 3.1536e3 s/year, 262.8 s/month, 8.64 s/day
    ['est-nines', [3153.6, 262.8, 8.64]],
    // 2000 req/s; 2000 × 0.08 = 160; 2000 × 3 × 0.005 = 30
    ['est-connection-pool', [2000, 160, 30]],
    // 5M / 86,400 × 10 = 578.7 msg/s; ceil(max(578.7 / 5000, 578.7 / 35)) = ceil(16.53) = 17
    ['est-kafka-partitions', [578.704, 17]],
    // 50M reads × 0.2 × 4,000 B = 4e10 B
    ['est-menu-cache', [5e7, 4e10]],
  ])('%s asks for the values worked out by hand', (id, values) => {
    q(id).steps.forEach((s, i) =>
      expect(s.estimate!.actual).toBeCloseTo(values[i], -Math.floor(Math.log10(values[i])) + 3),
    );
  });

  it.each([
    ['926', 100],
    ['1k', 100],
    ['600', 80],
    ['470', 80],
    ['450', 40],
    ['200', 40],
    ['9k', 40],
    ['100k', 0],
    ['lots', 0],
    ['', 0],
  ])('a guess of %j for a peak of 925.9 req/s scores %i', (guess, score) => {
    expect(scoreStep(q('est-go-coffee-orders').steps[1], guess)?.score).toBe(score);
  });

  it.each([
    [
      'an input the estimator rejects',
      'estimate:\n  inputs: { dau: 2X }\n  ask: [peakRps]\n',
      'estimate.inputs.dau',
      /unknown suffix "X"/,
    ],
    [
      'a key it cannot compute from the inputs',
      'estimate:\n  inputs: { dau: 2M, requestsPerUser: 1 }\n  ask: [bytesTotal]\n',
      'estimate.ask[0]',
      /not computed from these inputs/,
    ],
    [
      'a key it does not know',
      'estimate:\n  inputs: { dau: 2M, requestsPerUser: 1 }\n  ask: [coffeeCups]\n',
      'estimate.ask[0]',
      /not a result the estimator grades/,
    ],
    [
      'hand-written steps',
      'estimate:\n  inputs: { rps: 1 }\n  ask: [peakRps]\nsteps:\n  - title: t\n    model: m\n    rubric: [{concept: c}]\n',
      'steps',
      /makes its steps from estimate.ask/,
    ],
  ])('reports %s', (_name, extra, field, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'est-x.md'), estimationFile(extra));
    const { problems } = validateQuestionDir(dir, builtinDir);
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].message).toMatch(message);
  });
});
