import { describe, expect, it } from 'vitest';
import { LEVER_LIMITS, readAnswerLevers } from '../../../../src/engine/drill/mock/answer-levers.js';
import { mockable } from '../../../../src/engine/drill/mock/generic.js';
import { leastRecentDesignQuestion } from '../../../../src/engine/drill/mock/pick.js';
import { practiseNext } from '../../../../src/engine/drill/mock/practise-next.js';
import { gradeText, LIST_CAP, phaseStep } from '../../../../src/engine/drill/mock/score-text.js';
import { scoreStep } from '../../../../src/engine/drill/scoring/score.js';
import { makeQuestion } from '../../../helpers/questions.js';

describe('readAnswerLevers: numbers read from prose, within their limits', () => {
  it.each([
    ['Run 12 instances.', { instances: 12 }],
    ['12 pods', { instances: 12 }],
    ['scale out to 8', { instances: 8 }],
    ['4 servers', { instances: 4 }],
    // The simulator's reader (readLevers) holds a number to the lever's range: 0 instances is its least, 1.
    ['0 instances', { instances: 1 }],
    ['500 pods', { instances: LEVER_LIMITS.instances }],
    ['2.6 nodes', { instances: 3 }],
    ['a timeout of 800 ms', { timeoutMs: 800 }],
    ['timeout 2 s', { timeoutMs: 2000 }],
    ['a 1.5 s timeout', { timeoutMs: 1500 }],
    ['a 90 s timeout', { timeoutMs: LEVER_LIMITS.timeoutMs }],
    ['3 retries with jitter', { retries: 3, jitter: true }],
    ['retry up to 2 times', { retries: 2 }],
    ['50 retries', { retries: LEVER_LIMITS.retries }],
    ['jitter, no numbers', {}],
    ['a pool of 40', { pool: 40 }],
    ['pool size 1,500', { pool: 1500 }],
    ['25 database connections', { pool: 25 }],
    ['pool 0', { pool: 1 }],
    ['pool of 5,000', { pool: LEVER_LIMITS.pool }],
  ])('%j → %j', (text, levers) => {
    expect(readAnswerLevers(text)).toEqual(levers);
  });

  it('limits', () => {
    expect(LEVER_LIMITS).toEqual({ instances: 200, pool: 2000, retries: 10, timeoutMs: 60_000 });
  });
});

describe('leastRecentDesignQuestion', () => {
  const qs = ['a', 'b', 'c'].map((id) => makeQuestion(id));
  it.each([
    [[], 'a'], // never practised: bank order
    [[{ questionId: 'a', at: '2026-11-01' }], 'b'],
    [
      [
        { questionId: 'a', at: '2026-11-03' },
        { questionId: 'b', at: '2026-11-01' },
        { questionId: 'c', at: '2026-11-02' },
      ],
      'b',
    ],
    // The last practice of each counts, whatever order the history is in.
    [
      [
        { questionId: 'a', at: '2026-11-05' },
        { questionId: 'a', at: '2026-11-01' },
        { questionId: 'b', at: '2026-11-02' },
        { questionId: 'c', at: '2026-11-03' },
      ],
      'b',
    ],
    // A tie keeps the earlier in the bank.
    [
      [
        { questionId: 'a', at: '2026-11-02' },
        { questionId: 'b', at: '2026-11-02' },
        { questionId: 'c', at: '2026-11-02' },
      ],
      'a',
    ],
  ])('history %j → %s', (history, id) => {
    expect(leastRecentDesignQuestion(qs, history)?.id).toBe(id);
  });

  it('none to pick from', () => {
    expect(leastRecentDesignQuestion([], [])).toBeUndefined();
  });
});

describe('practiseNext: weakest concepts first, deep dive counting double, at most three', () => {
  const withConcepts = (id: string, concepts: string[]) =>
    makeQuestion(id, {
      title: `T${id}`,
      steps: [
        { ...makeQuestion(id).steps[0], rubric: concepts.map((concept) => ({ concept, synonyms: [], weight: 1 })) },
      ],
    });
  const own = withConcepts('own', ['Caching', 'sharding']);
  const bank = [own, withConcepts('x', ['caching', 'queues']), withConcepts('y', ['queues', 'retries', 'caching'])];
  it('ranks by missed weight: (100 − score), doubled in the deep dive; ties by name; own question first', () => {
    const items = practiseNext(
      [
        { name: 'high-level-design', score: 60, missed: ['queues', 'caching'] }, // 40 each
        { name: 'deep-dive', score: 80, missed: ['retries', 'sharding'] }, // 20 × 2 = 40 each
        { name: 'follow-up', score: 100, missed: ['unknown'] }, // weight 0: left out
        { name: 'requirements', score: null, missed: ['scope'] }, // no score: weight 0
      ],
      own,
      bank,
    );
    expect(items).toEqual([
      {
        concept: 'caching',
        drills: [
          { id: 'own', title: 'Town' },
          { id: 'x', title: 'Tx' },
          { id: 'y', title: 'Ty' },
        ],
      },
      {
        concept: 'queues',
        drills: [
          { id: 'x', title: 'Tx' },
          { id: 'y', title: 'Ty' },
        ],
      },
      { concept: 'retries', drills: [{ id: 'y', title: 'Ty' }] },
    ]);
  });

  it('a concept no drill practises is passed over', () => {
    expect(practiseNext([{ name: 'deep-dive', score: 0, missed: ['nowhere', 'sharding'] }], own, bank)).toEqual([
      { concept: 'sharding', drills: [{ id: 'own', title: 'Town' }] },
    ]);
  });
});

describe('mock text grading', () => {
  it('a list of terms scores no more than the drill grader allows lists; its deductions come through as they are', () => {
    const step = phaseStep('Design', 'How?', [{ concept: 'load balancer', synonyms: [], weight: 1 }]);
    const answer = 'load balancer redis kafka postgres nginx envoy grafana prometheus';
    const list = gradeText(step, answer);
    expect(list.score).toBe(LIST_CAP);
    expect(list.deductions).toEqual(scoreStep(step, answer)!.deductions);
    expect(list.deductions).toHaveLength(1);
  });

  it('passes the grader’s own deductions through; a card step is ungraded with every concept missed', () => {
    const step = phaseStep('Design', 'How?', [{ concept: 'load balancer', synonyms: [], weight: 1 }]);
    expect(step).toEqual({ title: 'Design', form: 'text', prompt: 'How?', hints: [], rubric: step.rubric, model: '' });
    expect(gradeText(step, 'Put a load balancer in front.')).toEqual({
      score: 30,
      hit: ['load balancer'],
      missed: [],
      deductions: [
        { kind: 'no-reason', reason: 'load balancer: named without a reason (say why, or what follows)', points: 70 },
      ],
    });
    expect(gradeText({ ...step, form: 'card' }, 'x')).toEqual({
      score: 0,
      hit: [],
      missed: ['load balancer'],
      deductions: [],
    });
    expect(LIST_CAP).toBe(30);
  });
});

describe('practiseNext: at most three concepts, three drills each', () => {
  const withConcepts = (id: string, concepts: string[]) =>
    makeQuestion(id, {
      title: `T${id}`,
      steps: [
        { ...makeQuestion(id).steps[0], rubric: concepts.map((concept) => ({ concept, synonyms: [], weight: 1 })) },
      ],
    });
  const all = ['a', 'b', 'c', 'd'];
  const own = withConcepts('own', all);
  const bank = [own, ...['p', 'q', 'r'].map((id) => withConcepts(id, all))];
  it('four weak concepts taught by four questions: the three weakest, the first three drills', () => {
    const items = practiseNext(
      [
        { name: 'requirements', score: 10, missed: ['d'] }, // 90
        { name: 'deep-dive', score: 60, missed: ['c'] }, // 40 × 2 = 80
        { name: 'follow-up', score: 21, missed: ['b'] }, // 79
        { name: 'high-level-design', score: 22, missed: ['a'] }, // 78
      ],
      own,
      bank,
    );
    expect(items.map((i) => [i.concept, i.drills.map((d) => d.id)])).toEqual([
      ['d', ['own', 'p', 'q']],
      ['c', ['own', 'p', 'q']],
      ['b', ['own', 'p', 'q']],
    ]);
  });

  it('a concept missed only where nothing was lost is not advice', () => {
    const items = practiseNext(
      [
        { name: 'requirements', score: 100, missed: ['a'] },
        { name: 'estimate', score: null, missed: ['b'] },
        { name: 'follow-up', score: 99, missed: ['c'] },
      ],
      own,
      bank,
    );
    expect(items.map((i) => i.concept)).toEqual(['c']);
  });

  it('a concept missed in several phases adds up', () => {
    const items = practiseNext(
      [
        { name: 'requirements', score: 70, missed: ['a'] }, // 30
        { name: 'follow-up', score: 70, missed: ['a'] }, // + 30 = 60
        { name: 'high-level-design', score: 50, missed: ['b'] }, // 50
      ],
      own,
      bank,
    );
    expect(items.map((i) => i.concept)).toEqual(['a', 'b']);
  });
});

describe('readAnswerLevers: only the levers the answer sets, jitter as the simulator reads it', () => {
  it.each([
    ['3 retries with no jitter', { retries: 3 }],
    ['without jitter, 2 retries', { retries: 2 }],
    ['3 retries with full jitter', { retries: 3, jitter: true }],
    ['3 retries with equal jitter', { retries: 3, jitter: true }],
    ['3 retries with decorrelated jitter', { retries: 3, jitter: true }],
    ['full jitter', {}], // jitter needs retries to matter
    ['0 retries', { retries: 0 }], // retries may be 0; every other lever is at least 1
    ['a 0 ms timeout', { timeoutMs: 1 }],
    ['timeout 250.7 ms', { timeoutMs: 250.7 }], // a timeout need not be whole
    ['12 instances', { instances: 12 }],
    ['a pool of 40', { pool: 40 }],
    ['nothing to read', {}],
  ])('%j → %j, with no other key', (text, levers) => {
    expect(readAnswerLevers(text)).toStrictEqual(levers);
  });
});

describe('mockable', () => {
  it('only design (framework) questions can be taken as a mock, in bank order', () => {
    const qs = [
      makeQuestion('a'),
      makeQuestion('b', { kind: 'concept' }),
      makeQuestion('c', { kind: 'estimation' }),
      makeQuestion('d'),
    ];
    expect(mockable(qs).map((q) => q.id)).toEqual(['a', 'd']);
  });
});
