import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { loadQuestionBank, validateQuestionDir } from '../../src/content/load-questions.js';
import { questionFile } from '../helpers/question-file.js';
import { tempDir } from '../helpers/temp-dir.js';

const GOOD = `mock:
  requirements: { prompt: Ask first., rubric: [ { concept: scale } ] }
  estimate: { prompt: Numbers., inputs: { rps: 100, peakFactor: 2 }, ask: [peakRps] }
  apiDataModel: { prompt: The API., rubric: [ { concept: endpoint } ] }
  highLevelDesign: { prompt: The design., rubric: [ { concept: load balancer } ] }
  curveball:
    prompt: Traffic triples.
    scenario: gateway-1000rps
    change: { kind: rate, factor: 3, at: 20s }
    slo: { p95: 250ms, errorRate: 1% }
    rubric: [ { concept: scale out } ]
`;

function validate(frontMatter: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'q.md'), questionFile('mine', frontMatter));
  return validateQuestionDir(dir, builtinQuestionsDir());
}

describe('the mock: block', () => {
  it('loads, with durations in ms and the SLO as a fraction', () => {
    const { questions, problems } = validate(GOOD);
    expect(problems).toEqual([]);
    expect(questions[0].mock?.curveball).toMatchObject({
      change: { kind: 'rate', factor: 3, at: 20_000 },
      slo: { p95Ms: 250, errorRate: 0.01 },
    });
  });

  it.each([
    [
      GOOD.replace('kind: rate', 'kind: meteor'),
      'mock.curveball.change.kind',
      'must be one of rate, crash, error, slow, cold-cache',
    ],
    [
      GOOD.replace('change: { kind: rate, factor: 3, at: 20s }', 'change: triple'),
      'mock.curveball.change',
      'must be a mapping whose kind is one of rate, crash, error, slow, cold-cache',
    ],
    [
      GOOD.replace('change: { kind: rate, factor: 3, at: 20s }', 'change: { kind: crash, factor: 3, at: 20s }'),
      'mock.curveball.change.factor',
      'unknown field (known: kind, target, at, duration)',
    ],
    [
      GOOD.replace('ask: [peakRps]', 'ask: [serversNeeded]'),
      'mock.estimate.ask[0]',
      '"serversNeeded" is not computed from these inputs',
    ],
    [GOOD.replace('p95: 250ms', 'p95: soon'), 'mock.curveball.slo.p95', 'must be a duration such as 250ms or 20s'],
    [
      GOOD.replace('    slo: { p95: 250ms, errorRate: 1% }\n', ''),
      'mock.curveball',
      'change and slo go together: give both for a simulated curveball, or neither',
    ],
    [
      GOOD.replace('  apiDataModel: { prompt: The API., rubric: [ { concept: endpoint } ] }\n', ''),
      'mock.apiDataModel',
      'is required',
    ],
    [
      `${GOOD}  colour: blue\n`,
      'mock.colour',
      'unknown field (known: requirements, estimate, apiDataModel, highLevelDesign, deepDive, curveball)',
    ],
  ])('a bad block is reported by field (%#)', (frontMatter, field, message) => {
    const { problems } = validate(frontMatter);
    expect(problems.map((p) => [p.field, p.message])).toContainEqual([field, message]);
  });

  it('the four seed questions carry a mock block that loads; the other design questions use the generic phases', () => {
    const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
    expect(bank.problems).toEqual([]);
    const withMock = bank.questions
      .filter((q) => q.mock)
      .map((q) => q.id)
      .sort();
    expect(withMock).toEqual([
      'q1-1-scale-gateway',
      'q1-2-uptime-9999',
      'q1-3-inventory-consistency',
      'q1-4-p95-latency',
    ]);
  });
});
