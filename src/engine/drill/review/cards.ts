import { createEmptyCard, fsrs, Rating as FsrsRating, State, type Card, type Grade } from 'ts-fsrs';
import type { Rating } from '../attempt.js';
import type { ReviewEvent } from './types.js';

/**
 * The scheduler's settings. Fuzz is off so a schedule is reproducible; short-term learning steps
 * (1 and 10 minutes) are off because a design step takes minutes to answer: the first rating
 * already schedules in days. Everything else is ts-fsrs's default (FSRS-6 weights, 90% retention).
 */
export const SCHEDULER_PARAMS = { enable_fuzz: false, enable_short_term: false } as const;

const scheduler = fsrs(SCHEDULER_PARAMS);

const GRADES: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

/** A step's card after every rating it received. */
export interface StepCard {
  /** `${questionId}#${step + 1}`. */
  key: string;
  questionId: string;
  /** 0-based step index. */
  step: number;
  /** ts-fsrs's card: due date, stability, difficulty, state, reps, lapses. */
  card: Card;
  /** How many ratings it has had. */
  reviews: number;
  /** The score of its latest graded rating, if any. */
  lastScore?: number;
  lastRating: Rating;
}

/** Replay the ratings, oldest first, through FSRS; one card per step that was ever rated. */
export function replayCards(events: readonly ReviewEvent[]): Map<string, StepCard> {
  const cards = new Map<string, StepCard>();
  for (const event of events) {
    const at = new Date(event.at);
    const previous = cards.get(event.key);
    const card = scheduler.next(previous?.card ?? createEmptyCard(at), at, GRADES[event.rating]).card;
    cards.set(event.key, {
      key: event.key,
      questionId: event.questionId,
      step: event.step,
      card,
      reviews: (previous?.reviews ?? 0) + 1,
      lastScore: event.score ?? previous?.lastScore,
      lastRating: event.rating,
    });
  }
  return cards;
}

/** Probability of recall now (0–1), by the FSRS forgetting curve. */
export function retrievability(card: StepCard, now: Date): number {
  return scheduler.get_retrievability(card.card, now, false);
}

/** The card's state as a word: learning, review or relearning (new cards are never listed). */
export function stateName(card: StepCard): 'new' | 'learning' | 'review' | 'relearning' {
  const names = {
    [State.New]: 'new',
    [State.Learning]: 'learning',
    [State.Review]: 'review',
    [State.Relearning]: 'relearning',
  } as const;
  return names[card.card.state];
}

export function isDue(card: StepCard, now: Date): boolean {
  return card.card.due.getTime() <= now.getTime();
}
