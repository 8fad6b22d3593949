import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportedData,
  ImportFormatError,
  mergeImport,
  type MergeTarget,
} from '../../../src/engine/export/merge.js';
import { attemptProblem, draftProblem, reviewProblem } from '../../../src/engine/export/validate.js';
import { attemptId } from '../../../src/engine/export/ids.js';
import type { Attempt } from '../../../src/engine/drill/attempt.js';

const AT = '2026-11-20T10:00:00.000Z';
const step = { answer: 'a', score: 50, hit: ['x'], missed: [], ms: 1000 };
const attempt = { questionId: 'q', at: AT, score: 50, mode: 'practice', totalMs: 1000, steps: [step] };
const review = { id: 'q#1@' + AT, questionId: 'q', step: 0, at: AT, rating: 'good', ...step };
const draft = { questionId: 'q', savedAt: AT, answers: ['a'], stepIndex: 0, hintsUsed: [0], stepMs: [0] };

describe('attemptProblem: the first thing wrong, naming the field', () => {
  it.each([
    [attempt, undefined],
    [{ ...attempt, mode: 'mock', rating: 'easy', id: 'x', steps: [] }, undefined],
    [[], 'is not an object'],
    [null, 'is not an object'],
    [{ ...attempt, questionId: '' }, 'questionId is missing'],
    [{ ...attempt, questionId: 7 }, 'questionId is missing'],
    [{ ...attempt, at: 'yesterday' }, 'at is not an ISO date'],
    [{ ...attempt, at: 5 }, 'at is not an ISO date'],
    [{ ...attempt, score: 0 }, undefined],
    [{ ...attempt, score: 100 }, undefined],
    [{ ...attempt, score: 101 }, 'score is 101, not 0–100'],
    [{ ...attempt, score: -1 }, 'score is -1, not 0–100'],
    [{ ...attempt, score: '50' }, 'score is "50", not 0–100'],
    [{ ...attempt, score: Infinity }, 'score is null, not 0–100'],
    [{ ...attempt, mode: 'exam' }, 'mode is "exam", not practice or mock'],
    [{ ...attempt, rating: 'great' }, 'rating is "great"'],
    [{ ...attempt, totalMs: -1 }, 'totalMs is not a duration'],
    [{ ...attempt, totalMs: 0 }, undefined],
    [{ ...attempt, totalMs: NaN }, 'totalMs is not a duration'],
    [{ ...attempt, id: 3 }, 'id is not text'],
    [{ ...attempt, steps: {} }, 'steps is not a list'],
    [{ ...attempt, steps: [step, 'x'] }, 'steps[1].is not an object'],
    [{ ...attempt, steps: [{ ...step, answer: 1 }] }, 'steps[0].answer is not text'],
    [{ ...attempt, steps: [{ ...step, score: undefined }] }, undefined],
    [{ ...attempt, steps: [{ ...step, score: 100.5 }] }, 'steps[0].score is 100.5, not 0–100'],
    [{ ...attempt, steps: [{ ...step, hit: 'x' }] }, 'steps[0].hit is not a list of text'],
    [{ ...attempt, steps: [{ ...step, missed: [1] }] }, 'steps[0].missed is not a list of text'],
    [{ ...attempt, steps: [{ ...step, ms: -5 }] }, 'steps[0].ms is not a duration'],
  ])('%j → %j', (value, problem) => {
    expect(attemptProblem(value)).toBe(problem);
  });
});

describe('reviewProblem and draftProblem', () => {
  it.each([
    [review, undefined],
    ['x', 'is not an object'],
    [{ ...review, id: '' }, 'id is missing'],
    [{ ...review, questionId: '' }, 'questionId is missing'],
    [{ ...review, step: -1 }, 'step is not a step index'],
    [{ ...review, step: 1.5 }, 'step is not a step index'],
    [{ ...review, step: 3 }, undefined],
    [{ ...review, at: '' }, 'at is not an ISO date'],
    [{ ...review, rating: 'meh' }, 'rating is "meh"'],
    [{ ...review, answer: undefined }, 'answer is not text'],
  ])('review %j → %j', (value, problem) => {
    expect(reviewProblem(value)).toBe(problem);
  });

  it.each([
    [draft, undefined],
    [[], 'is not an object'],
    [{ ...draft, questionId: 1 }, 'questionId or savedAt is missing'],
    [{ ...draft, savedAt: 'x' }, 'questionId or savedAt is missing'],
    [{ ...draft, answers: 'a' }, 'answers is not a list of text'],
    [{ ...draft, answers: ['a', 2] }, 'answers is not a list of text'],
    [{ ...draft, stepIndex: 0.5 }, 'stepIndex, hintsUsed or stepMs is missing'],
    [{ ...draft, hintsUsed: 0 }, 'stepIndex, hintsUsed or stepMs is missing'],
    [{ ...draft, stepMs: undefined }, 'stepIndex, hintsUsed or stepMs is missing'],
  ])('draft %j → %j', (value, problem) => {
    expect(draftProblem(value)).toBe(problem);
  });
});

describe('exportedData: our export or a bare store, else one line naming the field', () => {
  it('unwraps our export, and takes a store as it is', () => {
    const data = { attempts: [] };
    expect(exportedData({ format: EXPORT_FORMAT, version: EXPORT_VERSION, data })).toBe(data);
    expect(exportedData({ format: EXPORT_FORMAT, version: 0, data })).toBe(data);
    expect(exportedData(data)).toBe(data);
    const store = { schemaVersion: 2 };
    expect(exportedData(store)).toBe(store);
    expect(EXPORT_FORMAT).toBe('gocoffee-drill-export');
    expect(EXPORT_VERSION).toBe(1);
  });

  it.each([
    [[], 'not a JSON object'],
    [null, 'not a JSON object'],
    ['x', 'not a JSON object'],
    [{ format: 'other' }, 'format is "other", not gocoffee-drill-export'],
    [{ format: EXPORT_FORMAT, version: 2, data: {} }, 'version 2 is not one this build reads (up to 1)'],
    [{ format: EXPORT_FORMAT, version: '1', data: {} }, 'version "1" is not one this build reads (up to 1)'],
    [{ format: EXPORT_FORMAT, version: 1, data: [] }, 'data is not an object'],
    [{ format: EXPORT_FORMAT, version: 1, data: null }, 'data is not an object'],
    [{ format: EXPORT_FORMAT, version: 1 }, 'data is not an object'],
    [{ notes: [] }, 'has no "format": "gocoffee-drill-export" and is not a store (no attempts)'],
  ])('%j: %s', (doc, message) => {
    expect(() => exportedData(doc)).toThrow(new ImportFormatError(message));
  });
});

describe('mergeImport: adds what is new, counts what is here, skips the rest with a reason', () => {
  const target = (over: Partial<MergeTarget> & Record<string, unknown> = {}): MergeTarget =>
    ({ attempts: [], reviews: [], drafts: {}, checklist: {}, ...over }) as MergeTarget;

  it('merges every kind once; importing the same data again adds nothing', () => {
    const mine = target({ mocks: [] });
    const data = {
      attempts: [attempt, { ...attempt, at: '2026-11-21T10:00:00.000Z' }, { ...attempt, score: 500 }],
      reviews: [review, { ...review, rating: 'x' }],
      mocks: [{ questionId: 'q', at: AT }, { at: AT }],
      checklist: { a: AT, b: 'soon' },
      drafts: { q: draft, r: { ...draft, answers: 1 } },
      settings: { theme: 'dark' },
    };
    expect(mergeImport(mine, data)).toEqual({
      added: { attempts: 2, reviews: 1, mocks: 1, checklist: 1, drafts: 1 },
      present: { attempts: 0, reviews: 0, mocks: 0, checklist: 0, drafts: 0 },
      skipped: [
        { what: 'attempts[2]', why: 'score is 500, not 0–100' },
        { what: 'reviews[1]', why: 'rating is "x"' },
        { what: 'mocks[1]', why: 'has no question id or date' },
        { what: 'checklist.b', why: 'the tick has no date' },
        { what: 'drafts.r', why: 'answers is not a list of text' },
        { what: 'settings', why: "settings belong to a machine: this one's are kept" },
      ],
    });
    expect(mine.attempts.map((a) => attemptId(a))).toEqual([`q@${AT}`, 'q@2026-11-21T10:00:00.000Z']);
    expect(mine.checklist).toEqual({ a: AT });
    expect(mine.drafts).toEqual({ q: draft });
    expect(mergeImport(mine, data)).toMatchObject({
      added: { attempts: 0, reviews: 0, mocks: 0, checklist: 0, drafts: 0 },
      present: { attempts: 2, reviews: 1, mocks: 1, checklist: 1, drafts: 1 },
    });
    expect(mine.attempts).toHaveLength(2);
  });

  it('two of one attempt in one file: the second is present', () => {
    const mine = target();
    expect(mergeImport(mine, { attempts: [attempt, attempt] })).toMatchObject({
      added: { attempts: 1 },
      present: { attempts: 1 },
    });
    expect(mergeImport(target(), { reviews: [review, review] })).toMatchObject({
      added: { reviews: 1 },
      present: { reviews: 1 },
    });
  });

  it('never overwrites: a tick already here, a different open draft', () => {
    const mine = target({
      checklist: { a: '2026-01-01T00:00:00.000Z' },
      drafts: { q: { ...draft, answers: ['mine'] } },
    });
    const report = mergeImport(mine, { checklist: { a: AT }, drafts: { q: draft } });
    expect(report.skipped).toEqual([
      { what: 'drafts.q', why: 'a different draft of this question is open here: yours is kept' },
    ]);
    expect(report.present.checklist).toBe(1);
    expect(mine).toMatchObject({ checklist: { a: '2026-01-01T00:00:00.000Z' }, drafts: { q: { answers: ['mine'] } } });
  });

  it('lists that are not lists, a checklist that is not an object, mocks this build cannot keep', () => {
    const mine = target();
    expect(
      mergeImport(mine, {
        attempts: {},
        reviews: 'x',
        mockReports: [{ questionId: 'q', at: AT }, {}],
        checklist: ['a'],
        drafts: 'x',
        settings: {},
      }).skipped,
    ).toEqual([
      { what: 'attempts', why: 'is not a list' },
      { what: 'reviews', why: 'is not a list' },
      { what: 'mockReports (2)', why: 'this build keeps no mock reports' },
      { what: 'checklist', why: 'is not an object' },
    ]);
    expect(mergeImport(target(), { checklist: null }).skipped).toEqual([
      { what: 'checklist', why: 'is not an object' },
    ]);
  });

  it('a store without a reviews list gets one', () => {
    const mine = { attempts: [], drafts: {}, checklist: {} } as unknown as MergeTarget;
    mergeImport(mine, { reviews: [review] });
    expect(mine.reviews).toEqual([review]);
  });

  it('attempt ids: its own id when it has one, else question@time', () => {
    expect(attemptId({ ...attempt, id: 'own' } as unknown as Attempt)).toBe('own');
    expect(attemptId({ ...attempt, id: '' } as unknown as Attempt)).toBe(`q@${AT}`);
  });
});
