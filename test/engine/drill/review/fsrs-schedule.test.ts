import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../../../src/engine/drill/attempt.js';
import { replayCards, retrievability } from '../../../../src/engine/drill/review/cards.js';
import { dueCounts, reviewQueue } from '../../../../src/engine/drill/review/due.js';
import { reviewEvents } from '../../../../src/engine/drill/review/events.js';
import { cardKey, ratingForScore } from '../../../../src/engine/drill/review/rating.js';
import { reviewReport } from '../../../../src/engine/drill/review/report.js';
import type { StepReview } from '../../../../src/engine/drill/review/types.js';

const step = (score: number | undefined) => ({ answer: 'x', score, hit: [], missed: [], hintsUsed: 0, ms: 1000 });
const attempt = (
  questionId: string,
  at: string,
  scores: Array<number | undefined>,
  rating?: Attempt['rating'],
): Attempt => ({
  questionId,
  at,
  score: 0,
  steps: scores.map(step),
  rating,
  totalMs: 1000,
  mode: 'practice',
});
const review = (
  questionId: string,
  stepIndex: number,
  at: string,
  rating: StepReview['rating'],
  score?: number,
): StepReview => ({
  id: `${questionId}#${stepIndex + 1}@${at}`,
  questionId,
  step: stepIndex,
  at,
  answer: 'y',
  score,
  hit: [],
  missed: [],
  rating,
  ms: 1000,
});

describe('score bands', () => {
  it.each([
    [0, 'again'],
    [39, 'again'],
    [40, 'hard'],
    [64, 'hard'],
    [65, 'good'],
    [84, 'good'],
    [85, 'easy'],
    [100, 'easy'],
  ] as const)('score %i is %s', (score, rating) => {
    expect(ratingForScore(score)).toBe(rating);
  });
});

describe('scheduling matches ts-fsrs', () => {
  // The recorded sequence for step 2 of q: graded 70 (good) on Nov 1, a review rated again on Nov 4,
  // graded 50 (hard) on Nov 5, a review of score 95 (easy) on Nov 8. Step 1 is a self-rated card.
  const attempts = [
    attempt('q', '2026-11-01T10:00:00.000Z', [undefined, 70], 'good'),
    attempt('q', '2026-11-05T10:00:00.000Z', [undefined, 50], 'hard'),
  ];
  const reviews = [
    review('q', 1, '2026-11-04T10:00:00.000Z', 'again', 10),
    review('q', 1, '2026-11-08T10:00:00.000Z', 'easy', 95),
  ];
  const sequence: Array<[string, Grade]> = [
    ['2026-11-01T10:00:00.000Z', Rating.Good],
    ['2026-11-04T10:00:00.000Z', Rating.Again],
    ['2026-11-05T10:00:00.000Z', Rating.Hard],
    ['2026-11-08T10:00:00.000Z', Rating.Easy],
  ];
  // Independent of the app's settings module: the documented settings spelled out here.
  const f = fsrs({ enable_fuzz: false, enable_short_term: false });

  it('replays each rating in date order and ends on the card ts-fsrs computes', () => {
    let expected: Card = createEmptyCard(new Date(sequence[0][0]));
    for (const [at, grade] of sequence) expected = f.next(expected, new Date(at), grade).card;
    const cards = replayCards(reviewEvents(attempts, reviews));
    const card = cards.get(cardKey('q', 1));
    expect(card?.reviews).toBe(4);
    expect(card?.card).toEqual(expected);
    expect(card?.card.lapses).toBe(1);
    expect(card?.lastScore).toBe(95);
    const now = new Date('2026-11-20T00:00:00.000Z');
    expect(card && retrievability(card, now)).toBe(f.get_retrievability(expected, now, false));
  });

  it('each intermediate due date matches ts-fsrs too', () => {
    let expected: Card = createEmptyCard(new Date(sequence[0][0]));
    const allReviews = reviews.slice();
    for (let n = 1; n <= sequence.length; n += 1) {
      const [at, grade] = sequence[n - 1];
      expected = f.next(expected, new Date(at), grade).card;
      const cut = (iso: string) => iso <= at;
      const card = replayCards(
        reviewEvents(
          attempts.filter((a) => cut(a.at)),
          allReviews.filter((r) => cut(r.at)),
        ),
      ).get('q#2');
      expect(card?.card.due.toISOString()).toBe(expected.due.toISOString());
    }
  });

  it('mock interview attempts (records by phase, not by step) schedule no step cards', () => {
    const mock = { ...attempt('m', '2026-11-02T00:00:00.000Z', [90, 90]), mode: 'mock' as const };
    expect(replayCards(reviewEvents([mock])).size).toBe(0);
  });

  it('a self-rated card step takes the attempt rating; a card left unrated has no card', () => {
    const cards = replayCards(reviewEvents([...attempts, attempt('r', '2026-11-02T00:00:00.000Z', [undefined])]));
    expect(cards.get('q#1')?.reviews).toBe(2);
    expect(cards.get('q#1')?.lastRating).toBe('hard');
    expect(cards.has('r#1')).toBe(false);
  });

  it('hand-checked: one "good" on a new card gives S = w2, D = w4 − e^(2·w5) + 1, and R after 3 days', () => {
    const [card] = replayCards(reviewEvents([attempt('h', '2026-11-01T00:00:00.000Z', [70])])).values();
    // FSRS-6 defaults: w2 = 2.3065, w4 = 6.4133, w5 = 0.8334, decay 0.1542.
    expect(card.card.stability).toBe(2.3065);
    // 6.4133 − e^1.6668 + 1 = 6.4133 − 5.29519 + 1 = 2.11811
    expect(card.card.difficulty).toBeCloseTo(2.11811, 4);
    // factor = 0.9^(−1/0.1542) − 1 = 0.98036; R = (1 + 0.98036 × 3 / 2.3065)^(−0.1542) = 2.275127^(−0.1542) = 0.88095
    expect(retrievability(card, new Date('2026-11-04T00:00:00.000Z'))).toBeCloseTo(0.88095, 4);
    expect(card.card.state).toBe(State.Review);
  });
});

describe('review --json document', () => {
  it('lists every rated card with its next due date, and the due ones', () => {
    const cards = replayCards(reviewEvents([attempt('q', '2026-11-01T10:00:00.000Z', [90, 20])]));
    const now = new Date('2026-11-03T00:00:00.000Z');
    // Step 2 scored 20: "again" on a new card, computed here by ts-fsrs itself.
    const f = fsrs({ enable_fuzz: false, enable_short_term: false });
    const t = new Date('2026-11-01T10:00:00.000Z');
    const q2 = f.next(createEmptyCard(t), t, Rating.Again).card;
    const report = reviewReport(cards.values(), [cards.get('q#2')!], now);
    expect(Object.keys(report)).toEqual(['now', 'due', 'cards']);
    expect(report.now).toBe('2026-11-03T00:00:00.000Z');
    expect(report.cards.map((c) => [c.id, c.step])).toEqual([
      ['q', 2],
      ['q', 1],
    ]);
    expect(report.due).toEqual([report.cards[0]]);
    expect(report.cards[0]).toEqual({
      id: 'q',
      step: 2,
      due: q2.due.toISOString(),
      stability: q2.stability,
      difficulty: q2.difficulty,
      retrievability: f.get_retrievability(q2, now, false),
      state: 'review',
    });
  });
});

describe('review queue', () => {
  // Ratings at one moment: again (S 0.212 d), hard (S 1.2931 d), good (S 2.3065 d); lower S, lower recall later.
  const at = '2026-11-01T00:00:00.000Z';
  const cards = replayCards(
    reviewEvents([
      attempt('a1', at, [10]),
      attempt('a2', at, [70]),
      attempt('b1', at, [50]),
      attempt('b2', at, [90]),
      attempt('gone', at, [0]),
    ]),
  );
  const topics: Record<string, string> = { a1: 'A', a2: 'A', b1: 'B', b2: 'B' };

  it('takes the weakest first and alternates topics', () => {
    const queue = reviewQueue(cards.values(), new Date('2026-12-01T00:00:00.000Z'), (id) => topics[id]);
    // A's weakest (a1, again) is weaker than B's (b1, hard): A, B, A, B; "gone" has no topic any more.
    expect(queue.map((c) => c.questionId)).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('leaves out cards not yet due', () => {
    // One day on: again (1 d) and hard (b1) are due; good (a2, 3 d) and easy (b2) are not.
    const now = new Date('2026-11-02T00:00:00.000Z');
    const dueIds = reviewQueue(cards.values(), now, (id) => topics[id]).map((c) => c.questionId);
    const f = fsrs({ enable_fuzz: false, enable_short_term: false });
    const expectDue = (grade: Grade) => f.next(createEmptyCard(new Date(at)), new Date(at), grade).card.due <= now;
    expect(dueIds).toEqual(
      [
        ['a1', Rating.Again],
        ['b1', Rating.Hard],
        ['a2', Rating.Good],
        ['b2', Rating.Easy],
      ]
        .filter(([, g]) => expectDue(g as Grade))
        .map(([id]) => id),
    );
    expect(dueIds).toContain('a1');
  });

  it('counts due cards by horizon', () => {
    expect(dueCounts(cards.values(), new Date('2026-12-31T00:00:00.000Z'))).toEqual({
      now: 5,
      day: 5,
      week: 5,
      cards: 5,
    });
    expect(dueCounts(cards.values(), new Date('2026-10-31T00:00:00.000Z')).now).toBe(0);
  });
});
