import { describe, expect, it } from 'vitest';
import { answerAll } from '../../../src/engine/drill/headless.js';
import { computeStats } from '../../../src/engine/drill/stats.js';
import type { Step } from '../../../src/engine/drill/types.js';
import { makeAttempt, makeQuestion } from '../../helpers/questions.js';

describe('computeStats at its edges', () => {
  it('the mean of best scores rounds half up: (70 + 31) / 2 = 50.5 → 51', () => {
    const qs = [makeQuestion('a'), makeQuestion('b'), makeQuestion('c')];
    const attempts = [
      makeAttempt('a', '2026-11-02T00:00:00.000Z', 70),
      makeAttempt('a', '2026-11-01T00:00:00.000Z', 20),
      makeAttempt('b', '2026-11-03T00:00:00.000Z', 31),
    ];
    expect(computeStats(qs, attempts, '2026-11-03T12:00:00.000Z').topics).toEqual([
      { topic: 'scalability', questions: 3, tried: 2, attempts: 3, meanBest: 51, latest: 31 },
    ]);
  });

  it('latest is the most recent attempt whatever the stored order; none tried leaves mean and latest out', () => {
    const qs = [makeQuestion('a'), makeQuestion('r', { topic: 'reliability' })];
    const attempts = [
      makeAttempt('a', '2026-11-05T00:00:00.000Z', 40),
      makeAttempt('a', '2026-11-01T00:00:00.000Z', 90),
    ];
    const stats = computeStats(qs, attempts, '2026-11-05T00:00:00.000Z');
    expect(stats.items[0]).toEqual({
      id: 'a',
      title: 'Question a',
      topic: 'scalability',
      attempts: 2,
      best: 90,
      latest: 40,
      lastTriedAt: '2026-11-05T00:00:00.000Z',
    });
    expect(stats.topics[1]).toEqual({
      topic: 'reliability',
      questions: 1,
      tried: 0,
      attempts: 0,
      meanBest: undefined,
      latest: undefined,
    });
  });

  it.each([
    // UTC days: 23:59 and 00:01 are different days.
    [['2026-11-23T23:59:00.000Z', '2026-11-24T00:01:00.000Z'], '2026-11-24T23:59:59.999Z', 2],
    [['2026-11-24T00:00:00.000Z'], '2026-11-24T00:00:00.000Z', 1],
    [['2026-11-23T00:00:00.000Z'], '2026-11-24T23:59:59.999Z', 1],
    [['2026-11-22T00:00:00.000Z'], '2026-11-24T00:00:00.000Z', 0],
    [[], '2026-11-24T00:00:00.000Z', 0],
  ])('streak of %j on %s: %i', (dates, today, days) => {
    const attempts = dates.map((at) => makeAttempt('a', at, 50));
    expect(computeStats([makeQuestion('a')], attempts, today).streakDays).toBe(days);
  });
});

describe('answerAll: a drill from written answers', () => {
  const choice: Step = { ...makeQuestion('a').steps[0], form: 'choice', choices: ['A', 'B', 'C'], answer: 1 };
  const text = makeQuestion('a').steps[0];
  const q = makeQuestion('q', { steps: [text, choice] });

  it.each([
    [[null], 'q has 2 steps; the file has 1 entry'],
    [[null, null, null], 'q has 2 steps; the file has 3 entries'],
    [['x', 0], "entry 2: step 2 is a choice; give the option's number, 1 to 3 (got 0)"],
    [['x', 4], "entry 2: step 2 is a choice; give the option's number, 1 to 3 (got 4)"],
    [['x', 1.5], "entry 2: step 2 is a choice; give the option's number, 1 to 3 (got 1.5)"],
    [['x', 'B'], 'entry 2: step 2 is a choice; give the option\'s number, 1 to 3 (got "B")'],
    [['x', '2 or 3'], 'entry 2: step 2 is a choice; give the option\'s number, 1 to 3 (got "2 or 3")'],
  ])('%j: %s', (entries, error) => {
    expect(answerAll(q, entries, 0)).toEqual({ ok: false, error });
  });

  it('one step, one entry: singular', () => {
    expect(answerAll(makeQuestion('one'), [], 0)).toEqual({
      ok: false,
      error: 'one has 1 step; the file has 0 entries',
    });
  });

  it.each([
    [1, 0],
    [' 2 ', 100], // the right option, counting from 1, as text with spaces
    [2, 100],
    [3, 0],
    [null, 0],
  ])('choice entry %j scores %i', (entry, score) => {
    const result = answerAll(q, ['Scale out behind a load balancer because the gateway keeps no state.', entry], 0);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.state.scores[1]?.score).toBe(score);
  });

  it('text is scored as typed; a number entry is its text', () => {
    const result = answerAll(makeQuestion('a'), [42], 0);
    expect(result.ok && result.state.answers).toEqual(['42']);
    const done = answerAll(
      makeQuestion('a'),
      ['Scale out behind a load balancer because the gateway keeps no state.'],
      0,
    );
    expect(done.ok && done.state.phase).toBe('review');
    expect(done.ok && done.state.scores[0]?.score).toBe(100);
  });
});
