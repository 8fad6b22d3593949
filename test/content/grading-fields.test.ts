import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateQuestionDir } from '../../src/content/load-questions.js';
import { builtinQuestionsDir } from '../../src/content/paths.js';
import { questionFile } from '../helpers/question-file.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The one step of questionFile with `extra` added to it (indented as a step field) and `rubricExtra` to its first concept. */
function withGrading(extra: string, rubricExtra = ''): string {
  return questionFile('g')
    .replace('        weight: 2\n', `        weight: 2\n${rubricExtra}`)
    .replace(
      '    model: Scale out behind a load balancer.\n',
      `${extra}    model: Scale out behind a load balancer.\n`,
    );
}

function validate(text: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'g.md'), text);
  return validateQuestionDir(dir, builtinQuestionsDir());
}

const GOOD = `    misconceptions:
      - patterns: [scale up, bigger machine ... simpler]
        points: 25
        correction: A bigger machine has a ceiling.
      - pattern: sticky sessions
        correction: The gateway keeps no state.
    expect:
      - label: instances at peak
        value: 4
        tolerance: 0
        near: [instances]
`;
const OPPOSITE = `        because: [stateless]
        opposite:
          stance: scaling up
          phrases: [scale up, bigger machine]
          correction: A bigger machine has a ceiling.
`;

describe('grading fields in question files', () => {
  it('loads misconceptions, expected numbers, because phrases and opposite stances with their defaults', () => {
    const { questions, problems } = validate(withGrading(GOOD, OPPOSITE));
    expect(problems).toEqual([]);
    const step = questions[0].steps[0];
    expect(step.misconceptions).toEqual([
      {
        patterns: ['scale up', 'bigger machine ... simpler'],
        points: 25,
        correction: 'A bigger machine has a ceiling.',
      },
      { patterns: ['sticky sessions'], points: 20, correction: 'The gateway keeps no state.' },
    ]);
    expect(step.expect).toEqual([
      {
        label: 'instances at peak',
        value: 4,
        readable: '4',
        kind: 'count',
        tolerance: 0,
        near: ['instances'],
        weight: 1,
        points: 10,
      },
    ]);
    expect(step.rubric[0]).toMatchObject({
      because: ['stateless'],
      opposite: {
        stance: 'scaling up',
        phrases: ['scale up', 'bigger machine'],
        correction: 'A bigger machine has a ceiling.',
        points: 20,
      },
    });
  });

  it.each([
    [
      'a misconception without a correction',
      '    misconceptions:\n      - patterns: [scale up]\n',
      '',
      'steps[0].misconceptions[0].correction',
      /is required: a misconception must say what is right/,
    ],
    [
      'a misconception without patterns',
      '    misconceptions:\n      - correction: No.\n',
      '',
      'steps[0].misconceptions[0].patterns',
      /is required/,
    ],
    [
      'an unknown misconception field',
      '    misconceptions:\n      - patterns: [x]\n        correction: No.\n        severity: high\n',
      '',
      'steps[0].misconceptions[0].severity',
      /unknown field/,
    ],
    [
      'an expect that does not parse',
      '    expect:\n      - label: downtime\n        value: fifty minutes\n',
      '',
      'steps[0].expect[0].value',
      /"fifty minutes" does not parse as a number with a unit/,
    ],
    [
      'an expect with a negative tolerance',
      '    expect:\n      - label: downtime\n        value: 52.6 min\n        tolerance: -1\n',
      '',
      'steps[0].expect[0].tolerance',
      /must be a number ≥ 0/,
    ],
    [
      'an unknown field in an opposite stance',
      '',
      '        opposite:\n          stance: up\n          phrases: [scale up]\n          correction: No.\n          colour: red\n',
      'steps[0].rubric[0].opposite.colour',
      /unknown field/,
    ],
    [
      'an opposite stance without a correction',
      '',
      '        opposite:\n          stance: up\n          phrases: [scale up]\n',
      'steps[0].rubric[0].opposite.correction',
      /is required/,
    ],
    [
      'misconception points out of range',
      '    misconceptions:\n      - patterns: [x]\n        correction: No.\n        points: 150\n',
      '',
      'steps[0].misconceptions[0].points',
      /at most 100/,
    ],
  ])('reports %s by field', (_name, extra, rubricExtra, field, message) => {
    const { questions, problems } = validate(withGrading(extra, rubricExtra));
    expect(questions).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ field, message: expect.stringMatching(message) }));
    expect(problems.every((p) => p.line > 0)).toBe(true);
  });

  it('questions validate DIR exits 2 and names the file, line and field', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'g.md'), withGrading('    misconceptions:\n      - patterns: [scale up]\n'));
    const { code, stderr } = await runCli(['questions', 'validate', dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /g\.md:\d+: steps\[0\]\.misconceptions\[0\]\.correction: is required: a misconception must say what is right/,
    );
  });
});

describe('the built-in bank', () => {
  it('every framework step declares misconceptions, each with a correction', async () => {
    const { loadQuestionBank } = await import('../../src/content/load-questions.js');
    const bank = loadQuestionBank({ builtinDir: builtinQuestionsDir(), extraDirs: [] });
    // Text steps: a choice step is graded by the option chosen, so it has nothing to misread.
    const steps = bank.questions
      .filter((q) => q.kind === 'framework')
      .flatMap((q) => q.steps.filter((s) => s.form === 'text').map((s) => [q.id, s] as const));
    expect(steps.length).toBeGreaterThanOrEqual(30);
    for (const [id, step] of steps) {
      expect(step.misconceptions?.length ?? 0, `${id}: ${step.title}`).toBeGreaterThan(0);
      for (const m of step.misconceptions ?? []) expect(m.correction.length).toBeGreaterThan(20);
    }
  });
});

describe('one phrase, one meaning', () => {
  it('reports a synonym listed under two concepts of a step', () => {
    const text = withGrading('').replace(
      '      - concept: load balancer\n',
      '      - concept: load balancer\n        synonyms: [scale out]\n',
    );
    expect(validate(text).problems).toContainEqual(
      expect.objectContaining({
        field: 'steps[0].rubric[1].synonyms',
        message: '"scale out" already credits "horizontal scaling"; one phrase should earn one concept',
      }),
    );
  });

  it('reports a misconception pattern that is also a synonym', () => {
    const text = withGrading(
      '    misconceptions:\n      - patterns: [scale out]\n        correction: Scaling out is wrong here, says this broken file.\n',
    );
    expect(validate(text).problems).toContainEqual(
      expect.objectContaining({
        field: 'steps[0].misconceptions[0].patterns',
        message: '"scale out" also credits "horizontal scaling"',
      }),
    );
  });
});
