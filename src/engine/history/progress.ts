import { overallProgress, sectionProgress, type Ticks } from '../checklist/progress.js';
import type { Checklist, Progress } from '../checklist/types.js';
import type { Attempt } from '../drill/attempt.js';
import { replayCards } from '../drill/review/cards.js';
import { dueCounts } from '../drill/review/due.js';
import { reviewEvents } from '../drill/review/events.js';
import type { StepReview } from '../drill/review/types.js';
import { computeStats, type Stats } from '../drill/stats.js';
import type { Question } from '../drill/types.js';
import {
  frequentMisconceptions,
  missedConcepts,
  mockPhaseTimes,
  topicTrends,
  type MissCount,
  type PhaseTime,
  type TopicTrend,
} from './insights.js';

/** Everything the Stats screen and `stats --json` show. */
export interface ProgressReport extends Stats {
  trends: TopicTrend[];
  missedConcepts: MissCount[];
  misconceptions: MissCount[];
  mockPhases: PhaseTime[];
  /** Step cards due now, within a day, within a week, and every card rated so far. */
  due: { now: number; day: number; week: number; cards: number };
  checklist: Progress & { sections: Array<Progress & { id: string; title: string }> };
}

/** The store's data as progress reads it; mock reports are found by their own keys. */
export interface ProgressData {
  attempts: Attempt[];
  reviews: StepReview[];
  checklist: Ticks;
}

export function progressReport(
  questions: readonly Question[],
  checklist: Checklist,
  data: ProgressData,
  now: Date,
): ProgressReport {
  const attempts = data.attempts.filter(
    (a) => typeof a === 'object' && a !== null && typeof a.at === 'string' && typeof a.questionId === 'string',
  );
  const reviews = data.reviews ?? [];
  const cards = replayCards(reviewEvents(attempts, reviews)).values();
  return {
    ...computeStats(questions, attempts, now.toISOString()),
    trends: topicTrends(questions, attempts),
    missedConcepts: missedConcepts(attempts, reviews),
    misconceptions: frequentMisconceptions(attempts, reviews),
    mockPhases: mockPhaseTimes(data),
    due: dueCounts(cards, now),
    checklist: {
      ...overallProgress(checklist, data.checklist),
      sections: checklist.sections.map((s) => ({ id: s.id, title: s.title, ...sectionProgress(s, data.checklist) })),
    },
  };
}
