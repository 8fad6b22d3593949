import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtinQuestionsDir } from '../../../../src/content/paths.js';
import { loadQuestionBank } from '../../../../src/content/load-questions.js';
import { curveballScenario } from '../../../../src/content/mock-scenario.js';
import { bandFor, gradeMock, pacingLine, type MockAnswers } from '../../../../src/engine/drill/mock/report.js';
import { reportMarkdown } from '../../../../src/engine/drill/mock/report-text.js';
import { LIST_CAP } from '../../../../src/engine/drill/mock/score-text.js';

const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] }).questions;
const question = (id: string) => bank.find((q) => q.id === id)!;
const fixture = (name: string) =>
  parse(readFileSync(new URL(`../../../fixtures/mock/${name}`, import.meta.url), 'utf8')) as MockAnswers;
const SEEDS = ['q1-1-scale-gateway', 'q1-2-uptime-9999', 'q1-3-inventory-consistency', 'q1-4-p95-latency'];

describe('bands', () => {
  it.each([
    [100, 100, 'strong hire'],
    [85, 60, 'strong hire'],
    [84, 60, 'hire'],
    [70, 60, 'hire'],
    [69, 60, 'lean no'],
    [55, 60, 'lean no'],
    [54, 60, 'no hire'],
    [95, 49, 'no hire'],
    [95, 50, 'strong hire'],
  ] as const)('overall %i with a deep dive of %i: %s', (score, dive, band) => {
    expect(bandFor(score, dive)).toBe(band);
  });
});

describe('a graded mock', () => {
  it.each(SEEDS)('%s: a keyword list scores no better than the grading bands allow for lists (≤ 30), no hire', (id) => {
    const q = question(id);
    const r = gradeMock(q, 45, fixture('keyword-list.yaml'), curveballScenario(q), bank);
    expect(r.score).toBeLessThanOrEqual(LIST_CAP);
    expect(r.band).toBe('no hire');
    for (const p of r.phases)
      if (p.score !== null && p.name !== 'estimate') expect(p.score).toBeLessThanOrEqual(LIST_CAP);
  });

  it('a strong answer to 1.1 is hired, its estimate is exact and its design meets the SLO under the curveball', () => {
    const q = question('q1-1-scale-gateway');
    const r = gradeMock(q, 45, fixture('q1-1-strong.yaml'), curveballScenario(q), bank);
    expect(r.score).toBeGreaterThanOrEqual(70);
    expect(['hire', 'strong hire']).toContain(r.band);
    expect(r.estimate?.figures.map((f) => f.score)).toEqual([100, 100, 100]);
    expect(r.simulation).toMatchObject({
      scenario: 'gateway-1000rps',
      pass: true,
      levers: { instances: 12, timeoutMs: 2000, retries: 2, jitter: true },
    });
    // The budgets of 45 minutes; the estimate used 320 s of its 300.
    expect(r.phases.map((p) => [p.budgetSeconds, p.usedSeconds, p.overBudget])).toEqual([
      [300, 280, false],
      [300, 320, true],
      [300, 300, false],
      [600, 600, false],
      [900, 900, false],
      [300, 290, false],
    ]);
    expect(r.pacing).toBe('Ran over: capacity estimate (+0:20); the deep dive got its time (15:00 of 15:00).');
  });

  it('the same answers without the instance count fail the curveball: the follow-up loses the SLO points', () => {
    const q = question('q1-1-scale-gateway');
    const answers = fixture('q1-1-strong.yaml');
    answers.phases[5].answer =
      'We autoscale out ahead of the peak with utilisation headroom, and rate limit with 429s if the producer downstream saturates.';
    const r = gradeMock(q, 45, answers, curveballScenario(q), bank);
    expect(r.simulation?.pass).toBe(false);
    const followUp = r.phases[5];
    expect(followUp.deductions.at(-1)).toMatchObject({ points: 30 });
    expect(followUp.deductions.at(-1)?.reason).toMatch(
      /^the design misses the SLO under the curveball: P95 [\d.]+ ms is over the SLO of 250 ms/,
    );
  });

  it('a question without a simulated curveball says why there is no simulation', () => {
    const q = question('q1-3-inventory-consistency');
    const r = gradeMock(q, 45, fixture('keyword-list.yaml'), curveballScenario(q), bank);
    expect(r.simulation).toBeNull();
    expect(r.simulationNote).toMatch(/no scenario/);
  });

  it('a framework question without a mock block gets the generic phases: no estimate, no simulation', () => {
    const q = question('fw-retry-storm');
    expect(q.mock).toBeUndefined();
    const r = gradeMock(q, 30, fixture('keyword-list.yaml'), curveballScenario(q), bank);
    expect(r.estimate).toBeNull();
    expect(r.phases[1].score).toBeNull();
    expect(r.simulation).toBeNull();
    expect(r.phases.reduce((n, p) => n + p.budgetSeconds, 0)).toBe(1800);
  });
});

describe('pacing', () => {
  const phase = (name: string, title: string, budgetSeconds: number, usedSeconds: number) =>
    ({
      name,
      title,
      budgetSeconds,
      usedSeconds,
      overBudget: usedSeconds > budgetSeconds,
      score: 0,
      deductions: [],
      missed: [],
      hit: [],
      answer: '',
    }) as never;
  it('names the phases that ran over and whether the deep dive got three quarters of its time', () => {
    expect(
      pacingLine([
        phase('requirements', 'Requirements and scope', 300, 430),
        phase('deep-dive', 'Deep dive', 900, 674),
      ]),
    ).toBe('Ran over: requirements and scope (+2:10); the deep dive was cut short (11:14 of 15:00).');
    expect(
      pacingLine([
        phase('requirements', 'Requirements and scope', 300, 300),
        phase('deep-dive', 'Deep dive', 900, 675),
      ]),
    ).toBe('No phase ran over; the deep dive got its time (11:15 of 15:00).');
    expect(
      pacingLine([
        phase('requirements', 'Requirements and scope', 300, 301),
        phase('estimate', 'Capacity estimate', 300, 360),
        phase('deep-dive', 'Deep dive', 900, 0),
      ]),
    ).toBe(
      'Ran over: requirements and scope (+0:01), capacity estimate (+1:00); the deep dive was cut short (0:00 of 15:00).',
    );
  });
});

describe('the Markdown report', () => {
  it('carries the same figures as the report: overall, band, each phase against its budget, estimate, simulation', () => {
    const q = question('q1-1-scale-gateway');
    const r = gradeMock(q, 45, fixture('q1-1-strong.yaml'), curveballScenario(q), bank);
    const md = reportMarkdown(r, '2026-12-01T10:20:00.000Z');
    expect(md).toContain('# Mock interview: Scale the API gateway at 1000 req/s');
    expect(md).toContain(`**Overall ${r.score}/100 · ${r.band}**`);
    expect(md).toContain('| Capacity estimate | 5:20 / 5:00 **over** | 100 |');
    expect(md).toContain('| Deep dive | 15:00 / 15:00 | ' + r.phases[4].score + ' |');
    expect(md).toContain('| servers needed | 11 | 11 | within 2× |');
    expect(md).toContain('- Servers needed: ceil(3000 ÷ 280) = **11 servers**');
    expect(md).toMatch(/PASS: gateway-1000rps with the curveball \(seed 42\)/);
    expect(md).toContain('> POST /order with a JSON body returns 202');
  });
});
