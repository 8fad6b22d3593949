import { retrievability, stateName, type StepCard } from './cards.js';

/** A card as `review --json` shows it. */
export interface CardReport {
  /** The question's id. */
  id: string;
  /** 1-based step number within the question. */
  step: number;
  /** Next due date, ISO 8601. */
  due: string;
  /** FSRS stability: days until recall drops to 90%. */
  stability: number;
  /** FSRS difficulty, 1 (easy) to 10 (hard). */
  difficulty: number;
  /** Probability of recall now, 0–1. */
  retrievability: number;
  state: ReturnType<typeof stateName>;
}

/** The `review --json` document: the due cards in session order, then every card ever rated. */
export interface ReviewReport {
  now: string;
  due: CardReport[];
  cards: CardReport[];
}

export function cardReport(card: StepCard, now: Date): CardReport {
  return {
    id: card.questionId,
    step: card.step + 1,
    due: card.card.due.toISOString(),
    stability: card.card.stability,
    difficulty: card.card.difficulty,
    retrievability: retrievability(card, now),
    state: stateName(card),
  };
}

/** `cards` sorted by due date, then id and step, so the document is stable. */
export function reviewReport(cards: Iterable<StepCard>, queue: readonly StepCard[], now: Date): ReviewReport {
  const all = [...cards].sort(
    (a, b) =>
      a.card.due.getTime() - b.card.due.getTime() || a.questionId.localeCompare(b.questionId) || a.step - b.step,
  );
  return {
    now: now.toISOString(),
    due: queue.map((c) => cardReport(c, now)),
    cards: all.map((c) => cardReport(c, now)),
  };
}
