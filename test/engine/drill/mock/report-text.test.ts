import { describe, expect, it } from 'vitest';
import type { EstimateGrade } from '../../../../src/engine/drill/mock/estimate-phase.js';
import { mockJson } from '../../../../src/engine/drill/mock/report-json.js';
import { reportLines, reportMarkdown } from '../../../../src/engine/drill/mock/report-text.js';
import type { MockReport, PhaseReport } from '../../../../src/engine/drill/mock/report.js';
import type { SimulationVerdict } from '../../../../src/engine/drill/mock/curveball.js';

const phase = (over: Partial<PhaseReport>): PhaseReport => ({
  name: 'requirements',
  title: 'Requirements and scope',
  budgetSeconds: 300,
  usedSeconds: 0,
  overBudget: false,
  score: 0,
  deductions: [],
  missed: [],
  hit: [],
  answer: '',
  ...over,
});

/** A small report by hand: two phases, one over its budget by 65 s, one not scored. */
const bare: MockReport = {
  id: 'q',
  title: 'Scale it',
  minutes: 7,
  score: 42,
  band: 'no hire',
  bandReason: 'the reason',
  phases: [
    phase({
      usedSeconds: 365,
      overBudget: true,
      score: 40,
      hit: ['scale', 'state'],
      missed: ['latency', 'slo'],
      deductions: [{ reason: 'a list of terms', points: 12 }],
      answer: ' line one\nline two ',
    }),
    phase({
      name: 'estimate',
      title: 'Capacity estimate',
      budgetSeconds: 47,
      usedSeconds: 9,
      score: null,
      answer: ' \n ',
    }),
  ],
  estimate: null,
  simulation: null,
  pacing: 'the pacing',
  practiseNext: [],
};

const estimate: EstimateGrade = {
  score: 90,
  figures: [
    {
      key: 'peakRps',
      label: 'peak req/s',
      guess: 3000,
      actual: 3000,
      readable: '3,000 req/s',
      ratio: 1,
      verdict: 'within 2×',
      score: 100,
    },
    {
      key: 'serversNeeded',
      label: 'servers needed',
      guess: null,
      actual: 11,
      readable: '11',
      ratio: null,
      verdict: 'missing',
      score: 80,
      slip: 'off by one',
    },
  ],
  derivation: [{ label: 'Peak', formula: '1000 × 3', value: '3,000 req/s' }],
};

const simulation: SimulationVerdict = {
  curveball: 'triple',
  scenario: 'gw',
  seed: 42,
  levers: { instances: 12, jitter: true },
  slo: { p95Ms: 250, errorRate: 0.01 },
  result: { p95Ms: 312.345, errorRate: 0.01234, offeredRps: 2999.6, goodputRps: 2950.4 },
  pass: false,
  failures: ['P95 312.3 ms is over the SLO of 250 ms'],
};

const full: MockReport = {
  ...bare,
  estimate,
  simulation,
  practiseNext: [
    {
      concept: 'caching',
      drills: [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
    },
    { concept: 'queues', drills: [{ id: 'c', title: 'C' }] },
  ],
};

describe('the report as lines', () => {
  it('a report without estimate, simulation or advice', () => {
    expect(reportLines({ ...bare, simulationNote: 'no SLO declared for the curveball' })).toEqual([
      'Overall 42/100 · no hire · 7 min',
      'the reason',
      'Pacing: the pacing',
      '',
      'Requirements and scope  40/100 · 6:05 of 5:00 · OVER',
      '  missed: latency, slo',
      '  −12 a list of terms',
      'Capacity estimate  not scored · 0:09 of 0:47',
      '',
      'Estimate',
      '  no estimate inputs declared: not scored',
      '',
      'Curveball simulation',
      'Not run: no SLO declared for the curveball.',
      '',
      'Practise next',
      '  nothing stands out',
    ]);
    expect(reportLines(bare)).toContain('Not run: no curveball scenario.');
  });

  it('a report with every part: figures ✓ only at 100, the run against its SLO, numbered advice', () => {
    expect(reportLines(full).slice(9)).toEqual([
      'Estimate',
      '  ✓ peak req/s: 3000 vs 3,000 req/s · within 2×',
      '  ✗ servers needed: none given vs 11 · missing (off by one)',
      '  Derivation:',
      '    Peak: 1000 × 3 = 3,000 req/s',
      '',
      'Curveball simulation',
      'FAIL: gw with the curveball (seed 42)',
      '  levers from your answer: instances 12, jitter true',
      '  P95 312.3 ms (SLO 250 ms) · errors 1.23% (SLO 1.00%) · goodput 2950 of 3000 req/s',
      '  P95 312.3 ms is over the SLO of 250 ms',
      '',
      'Practise next',
      '  [1] caching: a, b',
      '  [2] queues: c',
    ]);
  });

  it('a passing run with no levers runs the scenario as it is', () => {
    const lines = reportLines({ ...full, simulation: { ...simulation, levers: {}, pass: true, failures: [] } });
    expect(lines).toContain('PASS: gw with the curveball (seed 42)');
    expect(lines).toContain('  levers from your answer: none found in the answer (the scenario as it is)');
  });
});

describe('the report as Markdown', () => {
  it('a bare report, line by line', () => {
    expect(reportMarkdown(bare, '2026-12-01T10:20:59.000Z').split('\n')).toEqual([
      '# Mock interview: Scale it',
      '',
      '2026-12-01 10:20 UTC · 7 minutes · question `q`',
      '',
      '**Overall 42/100 · no hire** (the reason)',
      '',
      'Pacing: the pacing',
      '',
      '## Phases',
      '',
      '| Phase | Time / budget | Score |',
      '|---|---|---|',
      '| Requirements and scope | 6:05 / 5:00 **over** | 40 |',
      '| Capacity estimate | 0:09 / 0:47 | — |',
      '',
      '### Requirements and scope: 40',
      '',
      '- Covered: scale, state',
      '- Missed: latency, slo',
      '- −12: a list of terms',
      '',
      '> line one',
      '> line two',
      '',
      '### Capacity estimate: not scored',
      '',
      '',
      '_(no answer)_',
      '',
      '## Estimate',
      '',
      'This question declares no estimate inputs; the phase is not scored.',
      '',
      '## Curveball simulation',
      '',
      'Not run: no curveball scenario.',
      '',
      '## Practise next',
      '',
      'Nothing stands out: take another mock or a harder question.',
      '',
    ]);
  });

  it('estimate, simulation and advice', () => {
    const md = reportMarkdown(full, '2026-12-01T10:20:00.000Z').split('\n');
    const from = md.indexOf('## Estimate');
    expect(md.slice(from)).toEqual([
      '## Estimate',
      '',
      'Score 90/100.',
      '',
      '| Figure | Yours | Actual | Verdict |',
      '|---|---|---|---|',
      '| peak req/s | 3000 | 3,000 req/s | within 2× |',
      '| servers needed | — | 11 | missing (off by one) |',
      '',
      'Derivation:',
      '',
      '- Peak: 1000 × 3 = **3,000 req/s**',
      '',
      '## Curveball simulation',
      '',
      'FAIL: gw with the curveball (seed 42)',
      '- levers from your answer: instances 12, jitter true',
      '- P95 312.3 ms (SLO 250 ms) · errors 1.23% (SLO 1.00%) · goodput 2950 of 3000 req/s',
      '- P95 312.3 ms is over the SLO of 250 ms',
      '',
      '## Practise next',
      '',
      '- **caching**: `gocoffee-drill practice a` (A), `gocoffee-drill practice b` (B)',
      '- **queues**: `gocoffee-drill practice c` (C)',
      '',
    ]);
  });
});

describe('mock --json', () => {
  it('is exactly the headless contract, in its order', () => {
    const json = mockJson(full);
    expect(Object.keys(json)).toEqual(['id', 'minutes', 'score', 'band', 'phases', 'estimate', 'simulation']);
    expect(json.phases[0]).toEqual({
      name: 'requirements',
      budgetSeconds: 300,
      usedSeconds: 365,
      overBudget: true,
      score: 40,
      deductions: [{ reason: 'a list of terms', points: 12 }],
      missed: ['latency', 'slo'],
    });
    expect(json).toMatchObject({ id: 'q', minutes: 7, score: 42, band: 'no hire', estimate, simulation });
    expect(json.phases[1].score).toBeNull();
  });
});
