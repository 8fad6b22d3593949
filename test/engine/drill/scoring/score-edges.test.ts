import { describe, expect, it } from 'vitest';
import { scoreStep } from '../../../../src/engine/drill/scoring/score.js';
import type { RubricConcept, Step } from '../../../../src/engine/drill/types.js';

const base: Step = { title: 't', form: 'text', prompt: '', hints: [], model: '', rubric: [] };
const lb: RubricConcept = { concept: 'load balancer', synonyms: [], weight: 1 };

describe('choice outcomes in full', () => {
  const choice: Step = { ...base, form: 'choice', choices: ['A', 'B'], answer: 0 };
  it('right: the option is hit and reasoned; wrong: it is missed', () => {
    expect(scoreStep(choice, '0')).toEqual({
      score: 100,
      hit: ['A'],
      reasoned: ['A'],
      unreasoned: [],
      missed: [],
      deductions: [],
    });
    expect(scoreStep(choice, '1')).toEqual({
      score: 0,
      hit: [],
      reasoned: [],
      unreasoned: [],
      missed: ['A'],
      deductions: [],
    });
  });
  it('a choice step without options (the loader refuses one) scores by index and names no option', () => {
    expect(scoreStep({ ...choice, choices: undefined }, '0')).toMatchObject({ score: 100, hit: [''] });
    expect(scoreStep({ ...choice, choices: undefined }, '1')).toMatchObject({ score: 0, missed: [''] });
  });
});

describe('the form decides how a step is scored', () => {
  const estimate = { key: 'none', label: 'n', actual: 1000, readable: '1000', unit: 'count' as const };
  it('a text step carrying an estimate is scored as text; an estimate step without one too', () => {
    expect(scoreStep({ ...base, rubric: [lb], estimate }, '1000')!.score).toBe(0);
    expect(scoreStep({ ...base, form: 'estimate', rubric: [lb] }, '1000')!.score).toBe(0);
    expect(scoreStep({ ...base, form: 'estimate', estimate }, '1000')!.score).toBe(100);
  });

  it('a count estimate reads "5m" as five million, a duration one as five minutes', () => {
    expect(scoreStep({ ...base, form: 'estimate', estimate: { ...estimate, actual: 5e6 } }, '5m')!.score).toBe(100);
    expect(
      scoreStep({ ...base, form: 'estimate', estimate: { ...estimate, actual: 300, unit: 'duration' } }, '5m')!.score,
    ).toBe(100);
  });

  it('an answer in the wrong kind of unit names the kind a count estimate expects', () => {
    expect(scoreStep({ ...base, form: 'estimate', estimate }, '45 minutes')!.deductions[0].reason).toBe(
      '"45 minutes": expected a count, got a duration',
    );
  });

  it('an unreadable estimate in full, its text trimmed', () => {
    expect(scoreStep({ ...base, form: 'estimate', estimate }, '  lots  ')).toEqual({
      score: 0,
      hit: [],
      reasoned: [],
      unreasoned: [],
      missed: ['n: 1000'],
      deductions: [
        { kind: 'number', reason: '"lots": not a number with a known unit', points: 100, correction: 'it is 1000' },
      ],
    });
  });
});

describe('a decision the prompt poses', () => {
  const posed: Step = { ...base, title: 'Up or out', prompt: 'Scale up or scale out?' };
  const out: RubricConcept = {
    concept: 'scale out',
    synonyms: [],
    weight: 1,
    opposite: { stance: 'scale up', phrases: ['scale up'], correction: 'c', points: 20 },
  };
  it.each([
    // Taking the concept's side: its one new word (the reason) is enough: bare, 30.
    ['the side taken, one new word', out, 'Scale out, stateless.', 30],
    // Without an opposite there is no decision: one new word is an echo.
    ['no decision, one new word', { ...out, opposite: undefined }, 'Scale out, stateless.', 0],
    // Argued against ("a trap"): no side taken, so one new word is not enough.
    ['argued against, one new word', out, 'Scale out is a trap.', 0],
    // Both sides: nothing for the concept, however well argued, and 20 off.
    ['both sides', out, 'Scale out because the gateway is stateless, and scale up too.', 0],
  ])('%s: %i', (_name, concept, answer, score) => {
    expect(scoreStep({ ...posed, rubric: [concept] }, answer)!.score).toBe(score);
  });
});

describe('misconceptions and the cap at their edges', () => {
  it('a pattern written without spaces around its dots reads with an ellipsis', () => {
    const step = { ...base, misconceptions: [{ patterns: ['retries...always safe'], points: 15, correction: 'c' }] };
    expect(scoreStep(step, 'Retries are always safe.')!.deductions).toEqual([
      { kind: 'misconception', reason: 'misconception: retries … always safe', points: 15, correction: 'c' },
    ]);
  });

  it('a list scoring exactly 30 is not capped: no cap line', () => {
    // One concept of weight 1, named bare: 0.3 of the step = 30.
    const result = scoreStep({ ...base, rubric: [lb] }, 'load balancer, redis, kafka, nginx')!;
    expect(result.score).toBe(30);
    expect(result.deductions.map((d) => d.kind)).toEqual(['no-reason']);
  });
});

describe('a concept named inside a stated misconception earns nothing', () => {
  const rpo: RubricConcept = { concept: 'rpo', synonyms: ['recovery point objective'], weight: 1 };
  const step: Step = {
    ...base,
    rubric: [rpo],
    misconceptions: [{ patterns: ['rpo is how long'], points: 20, correction: 'RPO is how much data may be lost.' }],
  };
  it('"RPO is how long we may be down" is the misconception, not the concept', () => {
    const s = scoreStep(step, 'RPO is how long we may be down, so it is 30 minutes.')!;
    expect(s.hit).toEqual([]);
    expect(s.score).toBe(0);
    expect(s.deductions.map((d) => d.kind)).toEqual(['misconception']);
  });
  it('the concept said rightly elsewhere in the answer still counts, and pays for the wrong sentence', () => {
    const s = scoreStep(
      step,
      'RPO is how long we may be down. Our RPO is one minute, so WAL is shipped continuously.',
    )!;
    expect(s.reasoned).toEqual(['rpo']);
    expect(s.score).toBe(80);
  });
  it('every pattern of one misconception takes its words: both halves of a swap earn nothing, one deduction', () => {
    const rto: RubricConcept = { concept: 'rto', synonyms: [], weight: 1 };
    const swap: Step = {
      ...base,
      rubric: [rto, rpo],
      misconceptions: [
        {
          patterns: ['rpo is how long', 'rto is how much data we lose'],
          points: 20,
          correction: 'They are the other way round.',
        },
      ],
    };
    const s = scoreStep(swap, 'RTO is how much data we lose and RPO is how long we are down, so both matter.')!;
    expect(s.hit).toEqual([]);
    expect(s.deductions.filter((d) => d.kind === 'misconception')).toHaveLength(1);
  });
  it('without the misconception the concept is credited as before', () => {
    expect(scoreStep(step, 'Our RPO is one minute, so WAL is shipped continuously.')!.score).toBe(100);
  });
});
