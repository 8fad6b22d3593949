import type { Attempt, Rating } from '../drill/attempt.js';
import type { StepReview } from '../drill/review/types.js';
import type { Question } from '../drill/types.js';
import { attemptId } from '../export/ids.js';
import { deductionsOf, field, misconceptionsOf, type Deduction } from '../export/step-details.js';
import { mockReports, type MockPhase } from './mock-reports.js';

/** One step as history shows it. */
export interface EntryStep {
  /** 0-based index into the question's steps. */
  index: number;
  title: string;
  answer: string;
  score?: number;
  hit: string[];
  missed: string[];
  deductions: Deduction[];
  misconceptions: string[];
  hintsUsed?: number;
  ms?: number;
}

interface EntryBase {
  id: string;
  at: string;
  questionId: string;
  /** The question's title, or its id when the bank no longer has it. */
  title: string;
  topic?: string;
  score?: number;
}

/** Anything history can open again: an attempt, a step review or a mock interview report. */
export type HistoryEntry =
  | (EntryBase & {
      kind: 'attempt';
      mode: Attempt['mode'];
      rating?: Rating;
      totalMs: number;
      steps: EntryStep[];
      simulation?: unknown;
    })
  | (EntryBase & { kind: 'review'; rating: Rating; steps: EntryStep[] })
  | (EntryBase & { kind: 'mock'; band?: string; phases: MockPhase[]; simulation?: unknown });

/** The data history reads; `mocks` and friends are found by mockReports. */
export interface HistoryData {
  attempts: readonly Attempt[];
  reviews: readonly StepReview[];
}

/** Every entry, newest first. Malformed stored entries are passed over. */
export function historyEntries(data: HistoryData, questions: readonly Question[]): HistoryEntry[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const named = (questionId: string) => ({
    title: byId.get(questionId)?.title ?? questionId,
    topic: byId.get(questionId)?.topic,
  });
  const stepTitle = (questionId: string, k: number) => byId.get(questionId)?.steps[k]?.title ?? `Step ${k + 1}`;
  const entries: HistoryEntry[] = [];
  for (const a of data.attempts) {
    if (!wellFormed(a) || !Array.isArray(a.steps)) continue;
    entries.push({
      kind: 'attempt',
      id: attemptId(a),
      at: a.at,
      questionId: a.questionId,
      ...named(a.questionId),
      score: a.score,
      mode: a.mode,
      rating: a.rating,
      totalMs: a.totalMs,
      steps: a.steps.map((s, k) => entryStep(s, k, stepTitle(a.questionId, k))),
      simulation: field(a, 'simulation'),
    });
  }
  for (const r of data.reviews ?? []) {
    if (!wellFormed(r) || !Number.isInteger(r.step)) continue;
    entries.push({
      kind: 'review',
      id: r.id,
      at: r.at,
      questionId: r.questionId,
      ...named(r.questionId),
      score: r.score,
      rating: r.rating,
      steps: [entryStep(r, r.step, stepTitle(r.questionId, r.step))],
    });
  }
  for (const m of mockReports(data)) {
    entries.push({
      kind: 'mock',
      id: m.id,
      at: m.at,
      questionId: m.questionId,
      ...named(m.questionId),
      score: m.score,
      band: m.band,
      phases: m.phases,
      simulation: m.simulation,
    });
  }
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.id.localeCompare(b.id));
}

function entryStep(record: unknown, index: number, title: string): EntryStep {
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const answer = field(record, 'answer');
  return {
    index,
    title,
    answer: typeof answer === 'string' ? answer : '',
    score: number(field(record, 'score')),
    hit: strings(field(record, 'hit')),
    missed: strings(field(record, 'missed')),
    deductions: deductionsOf(record),
    misconceptions: misconceptionsOf(record),
    hintsUsed: number(field(record, 'hintsUsed')),
    ms: number(field(record, 'ms')),
  };
}

function wellFormed(entry: unknown): entry is { questionId: string; at: string } {
  const questionId = field(entry, 'questionId');
  const at = field(entry, 'at');
  return typeof questionId === 'string' && typeof at === 'string' && Number.isFinite(Date.parse(at));
}
