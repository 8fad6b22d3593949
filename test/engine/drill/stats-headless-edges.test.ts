import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerAll } from '../../../src/engine/drill/headless.js';
import { computeStats } from '../../../src/engine/drill/stats.js';
import { DIFFICULTIES, QUESTION_KINDS, STEP_FORMS, TOPICS, type Step } from '../../../src/engine/drill/types.js';
import { makeAttempt, makeQuestion } from '../../helpers/questions.js';

describe("the bank's vocabularies are the ones the question format documents", () => {
  const doc = readFileSync(new URL('../../../docs/question-format.md', import.meta.url), 'utf8');
  /** The `# a | b | c` comment on the documented field's line, "(default)" notes left out. */
  const documented = (field: string) =>
    doc
      .match(new RegExp(`^\\s*${field}: .*# (.*)$`, 'm'))![1]
      .split('|')
      .map((v) => v.replace('(default)', '').trim());
  it.each([
    ['topic', TOPICS],
    ['kind', QUESTION_KINDS],
    ['difficulty', DIFFICULTIES],
    ['form', STEP_FORMS],
  ])('%s', (field, values) => {
    expect(values).toEqual(documented(field));
  });
});

describe('computeStats: latest per topic and streaks', () => {
  it('a topic’s latest is its most recently tried question’s, not the last in bank order', () => {
    const qs = [makeQuestion('a'), makeQuestion('b')];
    const attempts = [
      makeAttempt('a', '2026-11-05T00:00:00.000Z', 64),
      makeAttempt('b', '2026-11-01T00:00:00.000Z', 12),
    ];
    const [topic] = computeStats(qs, attempts, '2026-11-05T00:00:00.000Z').topics;
    expect(topic).toEqual({ topic: 'scalability', questions: 2, tried: 2, attempts: 2, meanBest: 38, latest: 64 });
  });

  it('attempts count every stored attempt; topics come in the bank’s order, once each', () => {
    const qs = [
      makeQuestion('r', { topic: 'reliability' }),
      makeQuestion('s'),
      makeQuestion('r2', { topic: 'reliability' }),
    ];
    const attempts = [
      makeAttempt('gone', '2026-11-01T00:00:00.000Z', 50),
      makeAttempt('s', '2026-11-02T00:00:00.000Z', 70),
    ];
    const stats = computeStats(qs, attempts, '2026-11-02T00:00:00.000Z');
    expect(stats.attempts).toBe(2);
    expect(stats.topics.map((t) => [t.topic, t.questions, t.tried])).toEqual([
      ['reliability', 2, 0],
      ['scalability', 1, 1],
    ]);
  });

  it.each([
    // Three days through today; a gap ends the count; attempts on one day count once.
    [['2026-11-22T10:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-24T10:00:00.000Z'], 3],
    [['2026-11-20T10:00:00.000Z', '2026-11-22T10:00:00.000Z', '2026-11-23T10:00:00.000Z'], 2],
    [['2026-11-23T01:00:00.000Z', '2026-11-23T02:00:00.000Z'], 1],
    [['2026-11-25T10:00:00.000Z'], 0],
  ])('streak of %j on 2026-11-24: %i', (dates, days) => {
    const attempts = dates.map((at) => makeAttempt('a', at, 50));
    expect(computeStats([makeQuestion('a')], attempts, '2026-11-24T12:00:00.000Z').streakDays).toBe(days);
  });
});

describe('answerAll: choice entries at their edges', () => {
  const text = makeQuestion('a').steps[0];
  const choice: Step = { ...text, form: 'choice', choices: ['A', 'B', 'C'], answer: 2 };
  const q = makeQuestion('q', { steps: [choice] });
  it.each([
    ['3', 100],
    [3, 100],
    ['1', 0],
    ['\t2\n', 0],
  ])('%j is option %s', (entry, score) => {
    const result = answerAll(q, [entry], 0);
    expect(result.ok && result.state.scores[0]?.score).toBe(score);
  });

  it('an option number of two digits, as text', () => {
    const many: Step = { ...choice, choices: 'ABCDEFGHIJKL'.split(''), answer: 10 };
    const result = answerAll(makeQuestion('m', { steps: [many] }), [' 11 '], 0);
    expect(result.ok && result.state.scores[0]?.score).toBe(100);
  });

  it('a choice step with no options takes no number', () => {
    const bare = makeQuestion('b', { steps: [{ ...choice, choices: undefined }] });
    expect(answerAll(bare, [1], 0)).toEqual({
      ok: false,
      error: "entry 1: step 1 is a choice; give the option's number, 1 to 0 (got 1)",
    });
  });

  it('entries fill the steps in order, each scored on its own', () => {
    const result = answerAll(makeQuestion('m', { steps: [choice, text] }), [3, null], 5_000);
    // The drill keeps a choice as its 0-based index: option 3 is '2'.
    expect(result.ok && result.state.answers).toEqual(['2', '']);
    expect(result.ok && result.state.scores.map((s) => s?.score)).toEqual([100, 0]);
  });
});
