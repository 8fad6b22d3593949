import type { Attempt } from './attempt.js';
import type { Question, Topic } from './types.js';

export interface ItemStats {
  id: string;
  title: string;
  topic: Topic;
  attempts: number;
  best?: number;
  latest?: number;
  lastTriedAt?: string;
}

export interface TopicStats {
  topic: Topic;
  /** Questions of this topic in the bank, and how many have been tried. */
  questions: number;
  tried: number;
  attempts: number;
  /** Mean of the best scores of the tried questions, rounded; undefined when none tried. */
  meanBest?: number;
  /** Latest score among this topic's attempts. */
  latest?: number;
}

export interface Stats {
  attempts: number;
  /** Consecutive UTC days, ending today (or yesterday, while today has none yet), with an attempt. */
  streakDays: number;
  items: ItemStats[];
  topics: TopicStats[];
}

const DAY_MS = 86_400_000;

export function computeStats(questions: readonly Question[], attempts: readonly Attempt[], todayIso: string): Stats {
  const sorted = [...attempts].sort((a, b) => a.at.localeCompare(b.at));
  const items: ItemStats[] = questions.map((q) => {
    const mine = sorted.filter((a) => a.questionId === q.id);
    const last = mine[mine.length - 1];
    return {
      id: q.id,
      title: q.title,
      topic: q.topic,
      attempts: mine.length,
      best: mine.length ? Math.max(...mine.map((a) => a.score)) : undefined,
      latest: last?.score,
      lastTriedAt: last?.at,
    };
  });
  const topicsSeen = [...new Set(questions.map((q) => q.topic))];
  const topics: TopicStats[] = topicsSeen.map((topic) => {
    const mine = items.filter((i) => i.topic === topic);
    const tried = mine.filter((i) => i.attempts > 0);
    const latestItem = [...tried].sort((a, b) => (a.lastTriedAt ?? '').localeCompare(b.lastTriedAt ?? '')).pop();
    return {
      topic,
      questions: mine.length,
      tried: tried.length,
      attempts: mine.reduce((n, i) => n + i.attempts, 0),
      meanBest: tried.length ? Math.round(tried.reduce((s, i) => s + (i.best ?? 0), 0) / tried.length) : undefined,
      latest: latestItem?.latest,
    };
  });
  return {
    attempts: attempts.length,
    streakDays: streak(
      sorted.map((a) => a.at),
      todayIso,
    ),
    items,
    topics,
  };
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(iso) / DAY_MS);
}

function streak(isoDates: string[], todayIso: string): number {
  const days = new Set(isoDates.map(dayNumber));
  let day = dayNumber(todayIso);
  if (!days.has(day)) day -= 1; // today is not over: a streak through yesterday still stands
  let count = 0;
  while (days.has(day)) {
    count += 1;
    day -= 1;
  }
  return count;
}
