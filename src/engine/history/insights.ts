import type { Attempt } from '../drill/attempt.js';
import type { StepReview } from '../drill/review/types.js';
import type { Question, Topic } from '../drill/types.js';
import { hasOwnScore } from '../checklist/evidence.js';
import { field, misconceptionsOf } from '../export/step-details.js';
import { mockReports } from './mock-reports.js';

/** A topic's overall scores in time order (the latest `TREND_LENGTH` attempts). */
export interface TopicTrend {
  topic: Topic;
  scores: number[];
  /** One block per score, height by the score itself (▁ 0–12, … █ 88–100), not scaled to the range. */
  sparkline: string;
}

/** How often something was missed, across attempt steps and step reviews. */
export interface MissCount {
  name: string;
  count: number;
}

/** A mock interview phase over every stored report: mean time used against its budget. */
export interface PhaseTime {
  name: string;
  reports: number;
  meanUsedSeconds: number;
  meanBudgetSeconds?: number;
  /** Reports in which the phase ran over its budget. */
  overBudget: number;
}

export const TREND_LENGTH = 20;
const BLOCKS = '▁▂▃▄▅▆▇█';

export function sparkline(scores: readonly number[]): string {
  return scores.map((s) => BLOCKS[Math.min(7, Math.max(0, Math.floor(s / 12.5)))]).join('');
}

/**
 * Per topic of the bank (in bank order), the trend of its attempts' overall scores. Attempts made
 * only of self-rated cards have no score of their own (their 0 is a placeholder) and are left out.
 */
export function topicTrends(questions: readonly Question[], attempts: readonly Attempt[]): TopicTrend[] {
  const topicOf = new Map(questions.map((q) => [q.id, q.topic]));
  const topics = [...new Set(questions.map((q) => q.topic))];
  const sorted = attempts
    .filter((a) => typeof a?.at === 'string' && typeof a.score === 'number' && hasOwnScore(a))
    .sort((a, b) => a.at.localeCompare(b.at));
  return topics.map((topic) => {
    const scores = sorted
      .filter((a) => topicOf.get(a.questionId) === topic)
      .map((a) => a.score)
      .slice(-TREND_LENGTH);
    return { topic, scores, sparkline: sparkline(scores) };
  });
}

/** The rubric concepts missed most often, most first (ties by name), at most `limit`. */
export function missedConcepts(attempts: readonly Attempt[], reviews: readonly StepReview[], limit = 10): MissCount[] {
  const names: string[] = [];
  for (const record of stepRecords(attempts, reviews)) {
    const missed = field(record, 'missed');
    if (Array.isArray(missed)) for (const m of missed) if (typeof m === 'string') names.push(m);
  }
  return top(names, limit);
}

/** The misconceptions shown most often (when the grading recorded them), most first. */
export function frequentMisconceptions(
  attempts: readonly Attempt[],
  reviews: readonly StepReview[],
  limit = 10,
): MissCount[] {
  return top(stepRecords(attempts, reviews).flatMap(misconceptionsOf), limit);
}

/** Time per mock phase against its budget, over every readable mock report, in first-seen order. */
export function mockPhaseTimes(data: unknown): PhaseTime[] {
  const phases = new Map<string, { used: number[]; budget: number[]; over: number }>();
  for (const report of mockReports(data)) {
    for (const phase of report.phases) {
      if (phase.usedSeconds === undefined) continue;
      const entry = phases.get(phase.name) ?? { used: [], budget: [], over: 0 };
      entry.used.push(phase.usedSeconds);
      if (phase.budgetSeconds !== undefined) entry.budget.push(phase.budgetSeconds);
      if (phase.overBudget) entry.over += 1;
      phases.set(phase.name, entry);
    }
  }
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  return [...phases].map(([name, p]) => ({
    name,
    reports: p.used.length,
    meanUsedSeconds: mean(p.used),
    meanBudgetSeconds: p.budget.length ? mean(p.budget) : undefined,
    overBudget: p.over,
  }));
}

function stepRecords(attempts: readonly Attempt[], reviews: readonly StepReview[]): unknown[] {
  return [...attempts.flatMap((a) => (Array.isArray(a?.steps) ? a.steps : [])), ...reviews];
}

function top(names: string[], limit: number): MissCount[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}
